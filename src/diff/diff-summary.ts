import type { FormComparison, TreeDiff } from './form-comparison.js';

export type DiffSummary = Record<FormComparison['status'], number> & { renamed: number };

/** How many forms fall in each status (a renamed form also counts under its status). */
export function diffSummary(diff: TreeDiff): DiffSummary {
  const summary: DiffSummary = { changed: 0, added: 0, removed: 0, unchanged: 0, failed: 0, renamed: 0 };
  for (const form of diff.forms) {
    summary[form.status] += 1;
    if (form.renamed) summary.renamed += 1;
  }
  return summary;
}
