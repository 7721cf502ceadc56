import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeJsonSchema } from '../../load/write-json-schema.js';
import { formatJsonSchema, formJsonSchemaText } from '../../load/form-json-schema.js';
import { loadFormats } from '../../build/load-template-sources.js';
import { formatFolders, templatesFolder } from '../../build/project/project-settings.js';
import { currentProject } from '../build-settings.js';
import { UsageError } from '../usage-error.js';
import * as output from '../output.js';

/** Whether `text` is a form schema ziping wrote (any version): its `form` property is the 表样 field. */
function isZipingSchema(text: string): boolean {
  try {
    const schema = JSON.parse(text) as { properties?: { form?: { title?: unknown }; project?: unknown } };
    return schema.properties?.form?.title === '表样' && schema.properties.project !== undefined;
  } catch {
    return false;
  }
}

/**
 * The schema of every installed format (the built-in ones, or `templates`, and the project's
 * `formatFolders`), or with --form of that one format alone.
 */
function schemaText(form: string | undefined): string {
  const project = currentProject();
  const { registry } = loadFormats(templatesFolder(project, undefined), formatFolders(project));
  if (form === undefined) return formJsonSchemaText(registry);
  const format = registry.get(form);
  if (!format) throw new UsageError(`没有名为“${form}”的表样；已安装：${registry.formats.map((f) => f.name).join('、')}（ziping formats 列出它们）`);
  return `${JSON.stringify(formatJsonSchema(format), null, 2)}\n`;
}

export async function run(values: { out?: string; force?: boolean; form?: string }): Promise<number> {
  const text = schemaText(values.form);
  if (!values.out) {
    process.stdout.write(text);
    return 0;
  }
  const file = resolve(values.out);
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      output.diagnostic(`错误 E_OUTPUT_IS_DIRECTORY：${values.out} 是目录；-o 要给文件名，如 ${values.out}/form.schema.json`);
      return 1;
    }
    if (code !== 'ENOENT') throw error;
  }
  if (existing === text) {
    output.result(`${values.out} 已是最新，未改动`);
    return 0;
  }
  if (existing !== undefined && !values.force && !isZipingSchema(existing)) {
    output.diagnostic(`错误 E_OUTPUT_EXISTS：${values.out} 已存在，且不是 ziping 的表单 Schema，未覆盖（确需替换请加 --force）`);
    return 1;
  }
  await writeJsonSchema(file, text);
  output.result(`已写出 ${values.out}${existing === undefined ? '' : '（替换了旧版本）'}`);
  return 0;
}
