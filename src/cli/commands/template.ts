import { existsSync, statSync } from 'node:fs';
import { sourceDate } from '../../build/source-date.js';
import { TOOL_VERSION } from '../../build/tool-version.js';
import { writeFileAtomic } from '../../import/write-file-atomic.js';
import { entryTemplateWorkbook } from '../../import/xlsx/entry-template.js';
import { defaultFormYear } from '../../scaffold/form-text.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

export const DEFAULT_TEMPLATE_FILE = '绩效自评表模板.xlsx';

export async function run(values: { xlsx?: boolean; out?: string; force?: boolean; year?: string }): Promise<number> {
  if (!values.xlsx) throw new UsageError('请用 --xlsx 指定模板格式（目前只有 Excel 填报模板）：ziping template --xlsx');
  const year = values.year ?? String(defaultFormYear());
  if (!/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年度（如 2023），实为“${year}”`);
  const file = values.out ?? DEFAULT_TEMPLATE_FILE;
  if (existsSync(file) && statSync(file).isDirectory()) {
    output.diagnostic(`错误 E_OUTPUT_IS_DIRECTORY：${file} 是目录；-o 要给文件名，如 ${file}/${DEFAULT_TEMPLATE_FILE}`);
    return 1;
  }
  // Dated 1 January after the year it is for: the same command gives the same bytes.
  const date = process.env.SOURCE_DATE_EPOCH === undefined ? new Date(Date.UTC(Number(year) + 1, 0, 1)) : sourceDate();
  const bytes = await entryTemplateWorkbook({ year: Number(year), creator: TOOL_VERSION, date });
  if (!(await writeFileAtomic(file, bytes, values.force ?? false))) {
    output.diagnostic(`错误 E_OUTPUT_EXISTS：${file} 已存在，未覆盖（确需替换请加 --force）`);
    return 1;
  }
  output.result(`已写出 ${file}（${year} 年度填报模板：部门整体、二级项目、说明）；填好后运行 ziping import ${file}`);
  return 0;
}
