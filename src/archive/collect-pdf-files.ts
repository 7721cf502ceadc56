import { findFiles } from '../load/find-files.js';
import { SIGNED_NAME } from './signed-file-name.js';

/**
 * PDFs named by `paths`: a file as given; below a folder, every `*.pdf` that is (`signed`) or
 * is not (`unsigned`) a signed copy written by `sign`. Sorted, deduplicated, relative to the
 * working directory when under it. A missing path is kept so the caller reports it.
 */
export function collectPdfFiles(paths: readonly string[], kind: 'signed' | 'unsigned'): Promise<string[]> {
  return findFiles(paths, ['**/*.pdf', '**/*.PDF'], (file) => SIGNED_NAME.test(file) === (kind === 'signed'));
}
