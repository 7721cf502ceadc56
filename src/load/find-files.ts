import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files named by `paths`: a file as given (whatever its name), and below a folder every file
 * matching `patterns` that `keep` accepts (not hidden ones, not node_modules). Sorted in a
 * locale-independent order and deduplicated, each relative to the working directory when
 * under it (`data/2023/x.yaml`), else absolute. A path that does not exist is kept, so the
 * caller reports the problem in its place.
 */
export async function findFiles(paths: readonly string[], patterns: string[], keep: (file: string) => boolean = () => true): Promise<string[]> {
  const cwd = process.cwd();
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      // Imported here: naming files directly (the common single-form build) never loads it.
      const fg = (await import('fast-glob')).default;
      const files = await fg(patterns, { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      for (const file of files) if (keep(file)) found.add(display(cwd, path.resolve(file)));
    } else {
      found.add(display(cwd, absolute));
    }
  }
  return [...found].sort(compareCodeUnits);
}

function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

/** Locale-independent order, so every machine lists (and later numbers) files the same way. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
