import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from '../../build/project/find-project-config.js';
import { formFileName } from '../../import/form-file-name.js';
import { writeFileAtomic } from '../../import/write-file-atomic.js';
import { editDistance } from '../../load/edit-distance.js';
import { loadForms } from '../../load/index.js';
import { writeJsonSchema } from '../../load/write-json-schema.js';
import { formJsonSchemaText } from '../../load/form-json-schema.js';
import { checkNewForm } from '../../scaffold/check-new-form.js';
import { defaultFormYear, newFormText } from '../../scaffold/form-text.js';
import { loadFormats } from '../../build/load-template-sources.js';
import type { FormatRegistry } from '../../load/format/format-registry.js';
import { formatFolders, templatesFolder } from '../../build/project/project-settings.js';
import { currentProject } from '../build-settings.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';
import { DATA_FOLDER, schemaReferenceFor, schemaRefFrom } from '../schema-reference.js';
import { UsageError } from '../usage-error.js';

interface NewOptions {
  code?: string;
  name?: string;
  year?: string;
  department?: string;
  out?: string;
  force?: boolean;
}

export async function run(values: NewOptions, [family]: string[]): Promise<number> {
  const project = currentProject();
  const { registry } = loadFormats(templatesFolder(project, undefined), formatFolders(project));
  const format = registry.get(family);
  if (!format) {
    const names = registry.formats.map((known) => known.name);
    const near = names.find((known) => known.includes(family) || editDistance(known, family) <= 1);
    throw new UsageError(`表样应为 ${names.join('、')} 之一，实为“${family}”${near ? `；是否应为 ${near}？` : ''}（ziping formats 列出已安装的表样）`);
  }
  const code = values.code?.trim();
  const name = values.name?.trim();
  if (!code) throw new UsageError('请用 --code 给出项目编码，如 --code 50010322T000000148597');
  if (!name) throw new UsageError('请用 --name 给出项目名称，如 --name 夏季慰问');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位数字，实为“${values.year}”`);
  const year = values.year === undefined ? defaultFormYear() : Number(values.year);

  const root = projectRoot();
  const dataDir = join(root, DATA_FOLDER);
  const file = values.out ?? relativeToCwd(join(dataDir, String(year), formFileName(code, name)));
  const folder = dirname(file);
  if (existsSync(file) && !values.force) {
    output.diagnostic(exists(file));
    return 1;
  }
  const { schemaPath, mustWrite } = schemaReferenceFor(folder);
  const text = newFormText({
    format: format.definition,
    code,
    name,
    year,
    department: values.department?.trim() || '主管部门（请填写）',
    ...(schemaPath ? { schemaRef: schemaRefFrom(folder, schemaPath) } : {}),
  });

  const problems = [...checkNewForm(file, text, registry), ...(await codeTaken(dataDir, file, code, year, registry))];
  if (problems.length > 0) {
    output.diagnostic(problems.map(formatDiagnostic).join('\n'));
    output.diagnostic(`未写出 ${file}`);
    return 1;
  }
  await mkdir(folder, { recursive: true });
  if (!(await writeFileAtomic(file, text, values.force ?? false))) {
    output.diagnostic(exists(file));
    return 1;
  }
  if (mustWrite && schemaPath) await writeJsonSchema(schemaPath, formJsonSchemaText(registry));
  output.result(`✓ ${file}（${family}，${year} 年度，示例数据待替换）`);
  if (mustWrite && schemaPath) output.result(`✓ ${schemaPath}（表单的 JSON Schema）`);
  output.result(`下一步：编辑 ${file}，然后 ziping check ${file}`);
  return 0;
}

/** Another form of the year with this 项目编码 (DESIGN: one code per year) — `build` would refuse both. */
async function codeTaken(dataDir: string, file: string, code: string, year: number, formats: FormatRegistry) {
  if (!existsSync(dataDir)) return [];
  const { forms } = await loadForms([dataDir], formats);
  const holder = forms.find((loaded) => loaded.form.year === year && String(loaded.form.project.code) === code && resolve(loaded.file) !== resolve(file));
  if (!holder) return [];
  const { line, col } = holder.locate(['project', 'code']);
  return [
    {
      code: 'E_DUPLICATE_CODE',
      severity: 'error' as const,
      message: `${year} 年度已有项目编码为“${code}”的表单`,
      file: holder.file,
      line,
      col,
      path: 'project.code',
      hint: '一个年度的项目编码只能用于一张表；请换一个编码，或编辑已有的表单',
    },
  ];
}

const exists = (file: string) => `错误 E_OUTPUT_EXISTS：${file} 已存在，未覆盖（确需替换请加 --force）`;

function relativeToCwd(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}
