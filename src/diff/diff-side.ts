import type { Form } from '../load/index.js';
import type { PrintedForm } from '../score/index.js';

/** One version of a form as diffForms compares it: the typed source and its printed values. */
export interface DiffSide {
  form: Form;
  printed: PrintedForm;
  /** Titles of the fields the form's format adds (LoadedForm.addedFields). */
  addedFields?: Record<string, string>;
  /** The YAML text, so numbers show as written (`1,190,000.00`), not as normalised decimals. */
  text?: string;
}
