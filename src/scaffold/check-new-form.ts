import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../build/check-forms.js';
import { loadFormSource } from '../load/index.js';
import { builtInFormats, type FormatRegistry } from '../load/format/format-registry.js';
import { scoreForm } from '../score/index.js';

/**
 * Loads and scores a form's text as `check` would, before anything is written: a scaffold is
 * reported written only if it is a valid form (a code or name given on the command line could
 * still break a rule). Returns its errors and warnings; none means it checks clean.
 */
export function checkNewForm(file: string, text: string, formats: FormatRegistry = builtInFormats()): Diagnostic[] {
  const loaded = loadFormSource(file, new TextEncoder().encode(text), formats);
  if (!loaded.ok) return loaded.diagnostics;
  const scored = scoreForm(loaded.form.form);
  return [...loaded.diagnostics, ...scored.diagnostics.map((d) => locate(loaded.form, d))];
}
