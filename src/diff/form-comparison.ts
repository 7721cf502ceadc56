import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FieldChange } from './field-change.js';
import type { FormDiffStatus } from './form-diff.js';

/** One form of a tree diff: which files were paired, and what changed. */
export interface FormComparison {
  /** The new version's file; the old one's when the form was removed. */
  file: string;
  /** The old version's file; null when the form was added. */
  oldFile: string | null;
  /** The old and new files sit at different paths within their trees (moved or renamed). */
  renamed: boolean;
  /** From the new version when it loaded, else the old one; '' / null when neither did. */
  code: string;
  year: number | null;
  name: string;
  /** `failed`: a version did not load, so nothing was compared; see `errors`. */
  status: FormDiffStatus | 'failed';
  source: FieldChange[];
  printed: FieldChange[];
  errors: Diagnostic[];
}

/** A whole diff: forms in file order. */
export interface TreeDiff {
  forms: FormComparison[];
}
