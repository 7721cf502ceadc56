import type { LoadResult } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { FormVersion } from './form-version.js';

/**
 * A loaded source as a diff version. Only load errors make a version unusable: score
 * errors (say 调整预算数 0) still leave printed values to compare, as printed.
 */
export function versionFromLoad(file: string, key: string, result: LoadResult): FormVersion {
  if (!result.ok) return { file, key, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
  const { form, text, addedFields } = result.form;
  return { file, key, side: { form, printed: scoreForm(form).printed, text, addedFields }, diagnostics: [] };
}
