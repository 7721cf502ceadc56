import { loadFormSource } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { ExportDiagnostic, ExportedForm } from './exported-form.js';

/**
 * Does the imported form add up to what the export itself prints? An export cut at a row
 * boundary (a copy that stopped, a page of a download lost) still parses, but its 指标权重 no
 * longer sum to 90 or 100, or its rows no longer give the 自评总分 printed in its head. Such a
 * form is refused rather than written with a score that only looks right.
 *
 * Left undetectable: a cut that leaves a 部门整体 form's weights at exactly 90 (its score is
 * scaled, so it reads the same), and a cut right between two forms (a shorter, whole export).
 */
export function checkExportTotals(form: ExportedForm, name: string, yaml: string): ExportDiagnostic[] {
  const loaded = loadFormSource(name, new TextEncoder().encode(yaml));
  if (!loaded.ok) return [];
  const scored = scoreForm(loaded.form.form);
  const problems: ExportDiagnostic[] = [];
  const problem = (what: string) =>
    problems.push({
      code: 'E_EXPORT_INCOMPLETE',
      severity: 'error',
      message: `表“${form.header.name.trim()}”${what}：导出文件可能不完整（被截断）或漏了行，此表未写出`,
      hint: '从绩效系统重新导出完整的文件再导入',
      line: form.line,
      col: 1,
      path: '',
    });
  for (const diagnostic of scored.diagnostics) {
    if (diagnostic.code === 'W_WEIGHT_SUM') problem(`的${diagnostic.message.replace(/，应为.*$/, '')}，不是 90 或 100（共 ${loaded.form.form.indicators.length} 行指标）`);
    if (diagnostic.code === 'W_REPORTED_MISMATCH' && diagnostic.path === 'reported.selfScore') {
      problem(`印的自评总分 ${form.header.selfScore.trim()} 与按各行重算的 ${scored.printed.selfScore} 不符`);
    }
  }
  return problems;
}
