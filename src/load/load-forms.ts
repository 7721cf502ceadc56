import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { discoverSources } from './discover-sources.js';
import { findDuplicateCodes } from './find-duplicate-codes.js';
import { LoadCode } from './load-code.js';
import { builtInFormats, type FormatRegistry } from './format/format-registry.js';
import { loadFormSource } from './load-form-source.js';
import type { LoadedForm, LoadResult } from './loaded-form.js';
import { readSourceFile } from './read-source-file.js';

/** Files read at once: enough to hide disk latency, few enough to stay clear of EMFILE. */
const READ_CONCURRENCY = 16;

/**
 * Discovers, reads and loads every source under `paths`, then checks across files.
 * `forms` holds only forms without errors, in file order; a bad file never stops the others,
 * and its problems are in `diagnostics` (in file order, then by position).
 */
export async function loadForms(paths: readonly string[], formats: FormatRegistry = builtInFormats()): Promise<{ forms: LoadedForm[]; diagnostics: Diagnostic[] }> {
  const files = await discoverSources(paths);
  const results = await mapInOrder(files, READ_CONCURRENCY, async (file): Promise<LoadResult> => {
    const read = await readSourceFile(file);
    if (!read.ok) return read;
    try {
      return loadFormSource(file, read.bytes, formats);
    } catch (error) {
      // A loader bug must cost one file, not the batch.
      const message = `读取时出现内部错误：${error instanceof Error ? error.message : String(error)}`;
      return { ok: false, diagnostics: [{ code: LoadCode.INTERNAL, severity: 'error', message, file, line: 1, col: 1, path: '' }] };
    }
  });
  const diagnostics = results.flatMap((result) => result.diagnostics);
  const loaded = results.flatMap((result) => (result.ok ? [result.form] : []));
  const duplicates = findDuplicateCodes(loaded);
  const rejected = new Set(duplicates.map((diagnostic) => diagnostic.file));
  const forms = loaded.filter((form) => !rejected.has(form.file));
  const byFile = new Map(files.map((file, index) => [file, index]));
  const ordered = [...diagnostics, ...duplicates]
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => (byFile.get(a.diagnostic.file) ?? 0) - (byFile.get(b.diagnostic.file) ?? 0) || a.index - b.index)
    .map(({ diagnostic }) => diagnostic);
  return { forms, diagnostics: ordered };
}

/** `items.map(work)` with at most `limit` at a time, results in input order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
