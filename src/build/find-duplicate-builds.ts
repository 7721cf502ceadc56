import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findDuplicateCodes } from '../load/find-duplicate-codes.js';
import type { BuildJobResult } from './build-job.js';
import type { ManifestEntry } from './build-manifest.js';

/**
 * The loader's cross-file check (one 项目编码 per year) over a build whose forms were loaded
 * in different threads, or not at all this time (unchanged forms, from the manifest).
 */
export function findDuplicateBuilds(results: BuildJobResult[], unchanged: ManifestEntry[]): Diagnostic[] {
  const forms = [
    ...results.flatMap((r) => (r.ok && r.summary ? [{ file: r.file, year: r.summary.year, code: r.summary.code, at: r.summary.codeAt }] : [])),
    ...unchanged.map((e) => ({ file: e.source, year: e.year, code: e.code, at: { line: 1, col: 1 } })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return findDuplicateCodes(forms.map((f) => ({ file: f.file, form: { year: f.year, project: { code: f.code } }, locate: () => f.at })));
}
