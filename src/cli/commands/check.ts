import { fontConfigFile, formatFolders, inputPaths, templateRoots, templatesFolder } from '../../build/project/project-settings.js';
import { currentProject } from '../build-settings.js';
import { checkForms, type FormReport } from '../../build/check-forms.js';
import { diagnosticJson, printedJson } from '../report-json.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { requireExistingPaths } from '../existing-paths.js';
import * as output from '../output.js';

/** The `--json` document of DESIGN §8. */
function reportsToJson(reports: FormReport[]): object {
  return {
    forms: reports.map((report) => ({
      file: report.file,
      ok: report.ok,
      errors: report.errors.map(diagnosticJson),
      warnings: report.warnings.map(diagnosticJson),
      form: report.loaded?.form.form ?? null,
      project: report.loaded ? { code: report.loaded.form.project.code, name: report.loaded.form.project.name } : null,
      printed: report.printed ? printedJson(report.printed) : null,
    })),
  };
}

export async function run(values: { json?: boolean }, positionals: string[]): Promise<number> {
  const project = currentProject();
  const paths = inputPaths(project, positionals);
  requireExistingPaths(paths);
  const reports = await checkForms(paths, { templatesDir: templatesFolder(project, undefined), formatFolders: formatFolders(project), templateRoots: templateRoots(project), fontConfig: fontConfigFile(project, undefined) });
  if (values.json) {
    output.json(reportsToJson(reports));
  } else {
    for (const report of reports) {
      const form = report.loaded?.form;
      if (report.ok) output.result(`✓ ${report.file}  ${form!.form}  ${form!.project.name}  自评总分 ${report.printed!.selfScore}`);
      else output.diagnostic(`✗ ${report.file}`);
      output.diagnostic([...report.errors, ...report.warnings].map(formatDiagnostic).join('\n'));
    }
    const failed = reports.filter((r) => !r.ok).length;
    const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
    output.result(`共 ${reports.length} 个表单：${reports.length - failed} 个通过，${failed} 个有错误，${warnings} 条警告`);
  }
  if (reports.length === 0) output.diagnostic('警告：没有找到 *.yaml 表单文件');
  return reports.some((r) => !r.ok) ? 1 : 0;
}
