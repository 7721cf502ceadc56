import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diffSummary } from './diff-summary.js';
import type { FieldChange } from './field-change.js';
import type { TreeDiff } from './form-comparison.js';

/**
 * The `ziping diff --json` document. A stable shape: every key is always present (null when
 * it has no value), changes are `{path, label, old, new}` with null for an absent side.
 */
export function treeDiffToJson(diff: TreeDiff): object {
  const change = ({ path, label, old, new: next }: FieldChange) => ({ path, label, old, new: next });
  const error = ({ code, message, file, line, col, path, hint }: Diagnostic) => ({ code, message, file, line, col, path, ...(hint ? { hint } : {}) });
  return {
    forms: diff.forms.map((form) => ({
      file: form.file,
      oldFile: form.oldFile,
      renamed: form.renamed,
      code: form.code || null,
      year: form.year,
      name: form.name || null,
      status: form.status,
      source: form.source.map(change),
      printed: form.printed.map(change),
      errors: form.errors.map(error),
    })),
    summary: diffSummary(diff),
  };
}
