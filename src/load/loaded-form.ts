import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Form } from './form-schema.js';

/** A source file that parsed and validated. */
export interface LoadedForm {
  /** As discovered: relative to the working directory when under it (`data/2023/x.yaml`). */
  file: string;
  /** The decoded source (without a BOM). */
  text: string;
  form: Form;
  /** The titles of the fields its format adds, by generic path (`indicators[].adjustedTarget` → 调整指标值). */
  addedFields: Record<string, string>;
  /** 1-based position of the node at a field path, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

export type LoadResult = { ok: true; form: LoadedForm; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };
