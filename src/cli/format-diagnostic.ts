import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * `data/x.yaml:12:5 indicators[2].actual — 应为数字 [E_NUMBER]`, with the hint on its own line;
 * in a workbook `表.xlsx:二级项目1!D12`, the sheet quoted as Excel does when it holds spaces or punctuation.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const kind = diagnostic.severity === 'error' ? '错误' : '警告';
  const where =
    diagnostic.sheet === undefined
      ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.col}`
      : `${diagnostic.file}:${sheetReference(diagnostic.sheet)}${diagnostic.cell ? `!${diagnostic.cell}` : ''}`;
  const field = diagnostic.path ? ` ${diagnostic.path}` : '';
  const hint = diagnostic.hint ? `\n    提示：${diagnostic.hint}` : '';
  return `  ${kind} ${where}${field} — ${diagnostic.message} [${diagnostic.code}]${hint}`;
}

function sheetReference(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
