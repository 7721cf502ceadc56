import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_CONFIG_FILE } from '../../build/project/project-config.js';
import { SCHEMA_FILE_NAME } from '../../import/find-schema-file.js';
import { writeFileAtomic } from '../../import/write-file-atomic.js';
import { formJsonSchemaText } from '../../load/form-json-schema.js';
import { checkNewForm } from '../../scaffold/check-new-form.js';
import { defaultFormYear } from '../../scaffold/form-text.js';
import { EDITOR_SETTINGS_TEXT, exampleForms, IGNORED_OUTPUT, PROJECT_CONFIG_TEXT, type ScaffoldFile } from '../../scaffold/project-files.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';
import { EDITOR_SETTINGS_FILE } from '../schema-reference.js';

/**
 * `ziping init [folder]`: a project as `ziping build` expects it. Never replaces a file: a
 * folder that is already a project is refused whole; of the other files, one that exists is
 * left as it is and named (a `.gitignore` only gains the `out/` line it lacks).
 */
export async function run(_values: object, [folderArg]: string[]): Promise<number> {
  const folder = folderArg ?? '.';
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    output.diagnostic(`错误 E_NOT_A_DIRECTORY：${folder} 不是文件夹`);
    return 1;
  }
  if (existsSync(join(folder, PROJECT_CONFIG_FILE))) {
    output.diagnostic(`错误 E_PROJECT_EXISTS：${join(folder, PROJECT_CONFIG_FILE)} 已存在，这里已是 ziping 项目；未改动任何文件`);
    output.diagnostic('    提示：新建表单请用 ziping new <表样> --code … --name …');
    return 1;
  }
  const examples = exampleForms(defaultFormYear());
  // The examples must be what they claim, valid forms, before anything is written.
  const problems = examples.flatMap((file) => checkNewForm(file.path, file.text));
  if (problems.length > 0) throw new Error(`示例表单未通过校验：\n${problems.map(formatDiagnostic).join('\n')}`);

  mkdirSync(folder, { recursive: true });
  const files: ScaffoldFile[] = [
    { path: PROJECT_CONFIG_FILE, text: PROJECT_CONFIG_TEXT },
    { path: SCHEMA_FILE_NAME, text: formJsonSchemaText() },
    { path: EDITOR_SETTINGS_FILE, text: EDITOR_SETTINGS_TEXT },
    ...examples,
  ];
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(join(target, '..'), { recursive: true });
    if (await writeFileAtomic(target, file.text, false)) written.push(target);
    else kept.push(target);
  }
  const ignore = await ensureIgnored(join(folder, '.gitignore'));

  output.result(written.map((file) => `✓ ${file}`).join('\n'));
  if (ignore) output.result(`✓ ${join(folder, '.gitignore')}（${ignore === 'created' ? '新建' : '加入'} ${IGNORED_OUTPUT}）`);
  for (const file of kept) {
    const hint = file.endsWith('settings.json') ? `；请在其中加入 "yaml.schemas": { "./${SCHEMA_FILE_NAME}": ["data/**/*.yaml"] }，编辑器才会检查表单` : '';
    output.diagnostic(`  警告 ${file} 已存在，未改动${hint} [W_INIT_FILE_EXISTS]`);
  }
  const cd = folder === '.' ? '' : `cd ${folder} && `;
  output.result(`已创建 ziping 项目。下一步：${cd}ziping build（生成 out/ 中的 PDF 和 DOCX）；新建表单：ziping new 二级项目 --code … --name …`);
  return 0;
}

/** Adds `out/` to the project's .gitignore unless a line already ignores it; what it did, if anything. */
async function ensureIgnored(file: string): Promise<'created' | 'appended' | undefined> {
  if (!existsSync(file)) {
    return (await writeFileAtomic(file, `${IGNORED_OUTPUT}\n`, false)) ? 'created' : undefined;
  }
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => ['out', 'out/', '/out', '/out/'].includes(line))) return undefined;
  await appendFile(file, `${text === '' || text.endsWith('\n') ? '' : '\n'}${IGNORED_OUTPUT}\n`);
  return 'appended';
}
