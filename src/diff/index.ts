/** `ziping diff`: source-field and printed-value changes between two versions of forms. */
export { diffForms } from './diff-forms.js';
export type { DiffSide } from './diff-side.js';
export type { FieldChange } from './field-change.js';
export type { FormDiff, FormDiffStatus } from './form-diff.js';
export type { FormComparison, TreeDiff } from './form-comparison.js';
export type { FormVersion } from './form-version.js';
export { diffPaths } from './diff-paths.js';
export { diffGit } from './diff-git.js';
export { diffVersions } from './diff-versions.js';
export { DiffInputError } from './diff-input-error.js';
export { diffExitCode } from './diff-exit-code.js';
export { diffSummary, type DiffSummary } from './diff-summary.js';
export { formatDiffText } from './format-diff-text.js';
export { treeDiffToJson } from './tree-diff-to-json.js';
