import type { FieldChange } from './field-change.js';

export type FormDiffStatus = 'changed' | 'added' | 'removed' | 'unchanged';

/** What changed in one form: its source fields, then the printed values that follow from them. */
export interface FormDiff {
  status: FormDiffStatus;
  source: FieldChange[];
  printed: FieldChange[];
}
