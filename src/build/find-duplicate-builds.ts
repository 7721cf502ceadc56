import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findDuplicateCodes } from '../load/find-duplicate-codes.js';
import type { BuildJobResult } from './build-job.js';
import { manifestKey, type ManifestEntry } from './build-manifest.js';

/** `year + 项目编码` of a form, as the duplicate check compares them. */
export const codeKey = (year: number, code: string) => `${year}\u0000${code}`;

/**
 * The loader's cross-file check (one 项目编码 per year) over a build whose forms were loaded
 * in different threads, or not at all this time (unchanged forms, from the manifest).
 * `established` holds the code each source (by manifest key) had in the last build: a form that already held a
 * code keeps it, and the one that now also claims it is the duplicate — so copying a file, or
 * editing a code into another form's, never fails (or deletes) the form that was there first.
 * Otherwise the first file in name order keeps it.
 */
export function findDuplicateBuilds(results: BuildJobResult[], unchanged: ManifestEntry[], established: ReadonlyMap<string, string>): Diagnostic[] {
  const forms = [
    ...results.flatMap((r) => (r.ok && r.summary ? [{ file: r.file, year: r.summary.year, code: r.summary.code, at: r.summary.codeAt }] : [])),
    ...unchanged.map((e) => ({ file: e.source, year: e.year, code: e.code, at: { line: 1, col: 1 } })),
  ];
  const rank = (form: (typeof forms)[number]) => (established.get(manifestKey(form.file)) === codeKey(form.year, form.code) ? 0 : 1);
  forms.sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return findDuplicateCodes(forms.map((f) => ({ file: f.file, form: { year: f.year, project: { code: f.code } }, locate: () => f.at })));
}
