import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import JSZip from 'jszip';
import { checkForms } from '../../build/check-forms.js';
import { fontConfigFile, formatFolders, inputPaths, templateRoots, templatesFolder } from '../../build/project/project-settings.js';
import { sourceDate } from '../../build/source-date.js';
import { TOOL_VERSION } from '../../build/tool-version.js';
import { writeFileAtomic } from '../../build/write-file-atomic.js';
import { reportWorkbook, yearReport, type YearReport } from '../../report/index.js';
import { REPORT_SHEETS } from '../../report/report-workbook.js';
import { currentProject } from '../build-settings.js';
import { requireExistingPaths } from '../existing-paths.js';
import { diagnosticJson } from '../report-json.js';
import { UsageError } from '../usage-error.js';
import * as output from '../output.js';

function reportJson(report: YearReport): object {
  return {
    forms: report.forms.map(({ errors, warnings, ...form }) => ({ ...form, errors: errors.map(diagnosticJson), warnings: warnings.map(diagnosticJson) })),
    departments: report.departments,
  };
}

function reportText(report: YearReport): string {
  const lines: string[] = [];
  for (const department of report.departments) {
    lines.push(`${department.department || '（未知部门）'}  表单 ${department.forms} 张，平均自评总分 ${department.meanScore || '—'}，最低 ${department.minScore || '—'}，低于 90 分 ${department.below90} 张`);
    for (const form of report.forms.filter((f) => f.department === department.department)) {
      if (form.ok) lines.push(`  ✓ ${form.form}  ${form.code}  ${form.name}  自评总分 ${form.selfScore}  未达成 ${form.unmet.length}  警告 ${form.warnings.length}`);
      else lines.push(`  ✗ ${form.file}  ${form.form || '—'}  ${form.code || '—'}  ${form.name || '—'}  有错误，未计分`);
      for (const d of form.errors) lines.push(`      错误 ${d.code} ${d.message}（${d.file}:${d.line}:${d.col}）`);
      for (const d of form.warnings) lines.push(`      警告 ${d.code} ${d.message}`);
      for (const u of form.unmet) lines.push(`      未达成 ${u.name}：指标值 ${u.target}，完成值 ${u.actual}${u.grade ? `（${u.grade}）` : ''}；偏差原因：${u.reason || '（未填写）'}`);
    }
  }
  const failed = report.forms.filter((f) => !f.ok).length;
  lines.push(`共 ${report.forms.length} 张表单，${report.departments.length} 个部门；${failed} 张有错误，${report.forms.reduce((n, f) => n + f.unmet.length, 0)} 项指标未达成`);
  return lines.join('\n');
}

export async function run(values: { out?: string; json?: boolean; force?: boolean }, positionals: string[]): Promise<number> {
  if (values.out !== undefined && extname(values.out).toLowerCase() !== '.xlsx') throw new UsageError(`-o 须是 .xlsx 文件：${values.out}`);
  const project = currentProject();
  const paths = inputPaths(project, positionals);
  requireExistingPaths(paths);
  const report = yearReport(await checkForms(paths, { templatesDir: templatesFolder(project, undefined), formatFolders: formatFolders(project), templateRoots: templateRoots(project), fontConfig: fontConfigFile(project, undefined) }));
  if (values.out !== undefined) {
    const refusal = await refusalToReplace(values.out, values.force ?? false);
    if (refusal) {
      output.diagnostic(refusal);
      return 1;
    }
    await writeFileAtomic(values.out, await reportWorkbook(report, { date: sourceDate(), creator: TOOL_VERSION }));
  }
  if (values.json) output.json(reportJson(report));
  else output.result(reportText(report));
  if (report.forms.length === 0) output.diagnostic('警告：没有找到 *.yaml 表单文件');
  return report.forms.some((f) => !f.ok) ? 1 : 0;
}

/**
 * Why `-o file` must not be replaced, if it must not: a folder, or a workbook that is not an
 * earlier `ziping report` (its creator is ziping — someone's own summary.xlsx is kept) unless --force.
 */
async function refusalToReplace(file: string, force: boolean): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return `错误 E_OUTPUT_IS_DIRECTORY：${file} 是目录；-o 要给 .xlsx 文件名`;
    bytes = readFileSync(file);
  } catch {
    return undefined; // nothing there
  }
  if (force || (await isZipingReport(bytes))) return undefined;
  return `错误 E_OUTPUT_EXISTS：${file} 已存在，且不是 ziping report 写的工作簿，未覆盖（确需替换请加 --force）`;
}

async function isZipingReport(bytes: Buffer): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((match) => match[1]);
    return /<dc:creator>ziping [^<]*<\/dc:creator>/.test(core) && sheets.join() === REPORT_SHEETS.join(); // a ziping workbook with other sheets (a template) is not a report
  } catch {
    return false;
  }
}
