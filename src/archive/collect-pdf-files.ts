import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { SIGNED_NAME } from './signed-file-name.js';

/**
 * PDFs named by `paths`: a file as given; below a folder, every `*.pdf` that is (`signed`) or
 * is not (`unsigned`) a signed copy written by `sign`. Sorted, deduplicated, relative to the
 * working directory when under it. A missing path is kept so the caller reports it.
 */
export async function collectPdfFiles(paths: readonly string[], kind: 'signed' | 'unsigned'): Promise<string[]> {
  const cwd = process.cwd();
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      const files = await fg(['**/*.pdf', '**/*.PDF'], { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      for (const file of files) {
        if (SIGNED_NAME.test(file) === (kind === 'signed')) found.add(display(cwd, path.resolve(file)));
      }
    } else {
      found.add(display(cwd, absolute));
    }
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
