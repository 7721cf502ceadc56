import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PrintedForm } from '../score/printed-form.js';

/** A diagnostic as `--json` prints it (DESIGN §8): no severity, it is implied by the list. */
export function diagnosticJson({ code, message, file, line, col, path, hint }: Diagnostic) {
  return { code, message, file, line, col, path, ...(hint ? { hint } : {}) };
}

/** Printed values as `--json` prints them: a funds row's `kind` is for the layout, not printed. */
export function printedJson(printed: PrintedForm) {
  return { ...printed, funds: printed.funds.map(({ kind: _kind, ...row }) => row) };
}
