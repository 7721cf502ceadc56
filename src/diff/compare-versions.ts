import { diffForms } from './diff-forms.js';
import type { FormComparison } from './form-comparison.js';
import type { FormVersion } from './form-version.js';

/** A pair of versions (either may be missing) as one entry of the diff. */
export function compareVersions(oldVersion: FormVersion | undefined, newVersion: FormVersion | undefined): FormComparison {
  const named = newVersion?.side ?? oldVersion?.side;
  const errors = [...(oldVersion?.diagnostics ?? []), ...(newVersion?.diagnostics ?? [])];
  const failed = (oldVersion !== undefined && !oldVersion.side) || (newVersion !== undefined && !newVersion.side);
  const diff = failed ? { status: 'failed' as const, source: [], printed: [] } : diffForms(oldVersion?.side, newVersion?.side);
  return {
    file: (newVersion ?? oldVersion)!.file,
    oldFile: oldVersion?.file ?? null,
    renamed: oldVersion !== undefined && newVersion !== undefined && oldVersion.key !== newVersion.key,
    code: named?.form.project.code ?? '',
    year: named?.form.year ?? null,
    name: named?.form.project.name ?? '',
    ...diff,
    errors,
  };
}
