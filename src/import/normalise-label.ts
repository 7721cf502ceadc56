/**
 * The export prints the same labels with full-width (`项目名称：`, `全年（调整）预算数`) or
 * half-width (`项目名称:`, `全年(调整)预算数`) punctuation, even within one file. NFKC folds
 * both to one spelling; whitespace never matters inside a label.
 */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
