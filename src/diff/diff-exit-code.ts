import type { TreeDiff } from './form-comparison.js';

/** diff(1)'s convention: 0 no differences, 1 differences (a moved file included), 2 trouble (a form that would not load). */
export function diffExitCode(diff: TreeDiff): 0 | 1 | 2 {
  if (diff.forms.some((form) => form.status === 'failed')) return 2;
  return diff.forms.some((form) => form.status !== 'unchanged' || form.renamed) ? 1 : 0;
}
