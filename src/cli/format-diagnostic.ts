import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** `data/x.yaml:12:5 indicators[2].actual — 应为数字 [E_NUMBER]`, with the hint on its own line. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const kind = diagnostic.severity === 'error' ? '错误' : '警告';
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.col}`;
  const field = diagnostic.path ? ` ${diagnostic.path}` : '';
  const hint = diagnostic.hint ? `\n    提示：${diagnostic.hint}` : '';
  return `  ${kind} ${where}${field} — ${diagnostic.message} [${diagnostic.code}]${hint}`;
}
