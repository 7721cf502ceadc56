import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { projectRoot as findProjectRoot } from './project/find-project-config.js';
import { isInside, realpathOrSelf } from './resolved-paths.js';

/** A template is markup of a few kilobytes; the built-in ones are under 10 KB. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export class TemplateFileError extends Error {
  constructor(
    readonly code: 'E_TEMPLATE_PATH' | 'E_TEMPLATE_FILE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the template a form names (`template:`), relative to the form. It must be a regular file
 * (not /dev/zero, not a pipe that never ends) of at most MAX_TEMPLATE_BYTES, inside the form's
 * folder, the project (the folder of the nearest ziping.config.json, else the working folder) or a folder the project's config lists
 * (`templateRoots`), after symlinks are resolved, so a form cannot make the build read
 * /proc/self/environ or a password file.
 */
export function readUserTemplate(
  formFile: string,
  template: string,
  extraRoots: readonly string[] = [],
  projectRoot: string = findProjectRoot(),
): { file: string; text: string } {
  const file = resolve(dirname(formFile), template);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new TemplateFileError('E_TEMPLATE_FILE', `模板文件不存在：${template}`);
  }
  const roots = [dirname(resolve(formFile)), resolve(projectRoot), ...extraRoots.map((root) => resolve(root))].map(realpathOrSelf);
  if (!roots.some((root) => isInside(real, root))) {
    throw new TemplateFileError(
      'E_TEMPLATE_PATH',
      `模板 ${template} 不在表单所在文件夹、项目文件夹（${relative(process.cwd(), roots[1]) || '.'}）或 ziping.config.json 的 templateRoots 内`,
    );
  }
  const info = statSync(real);
  if (!info.isFile()) throw new TemplateFileError('E_TEMPLATE_FILE', `模板 ${template} 不是普通文件`);
  if (info.size > MAX_TEMPLATE_BYTES) throw new TemplateFileError('E_TEMPLATE_FILE', `模板 ${template} 太大（${info.size} 字节，上限 ${MAX_TEMPLATE_BYTES}）`);
  return { file, text: readFileSync(real, 'utf8') };
}

/**
 * A template error as the user sees it: Handlebars quotes the source around the fault, and a
 * template may be any file, so only its first line ("Parse error on line 2:") is kept — never
 * the file's content.
 */
export function templateErrorMessage(message: string): string {
  const [first, ...rest] = message.split('\n');
  return rest.length === 0 ? first : `${first.replace(/:$/, '')}（Handlebars 语法错误）`;
}
