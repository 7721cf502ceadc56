import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { Form } from '../load/form-schema.js';
import { checkReported } from './check-reported.js';
import type { PrintedForm } from './printed-form.js';

export interface ScoredForm {
  printed: PrintedForm;
  /** Errors (the form must not be rendered) and warnings, without file positions. */
  diagnostics: UnlocatedDiagnostic[];
}

/** The printed form with its diagnostics: each part's in order, then the `reported` cross-check (both profiles). */
export function scoredForm(printed: PrintedForm, parts: { diagnostics: UnlocatedDiagnostic[] }[], reported: Form['reported']): ScoredForm {
  return { printed, diagnostics: [...parts.flatMap((part) => part.diagnostics), ...checkReported(printed, reported)] };
}
