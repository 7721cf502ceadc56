import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Source files named by `paths`: a file as given (whatever its extension), every `*.yaml` /
 * `*.yml` below a folder (not hidden ones, not node_modules). Sorted and deduplicated, each
 * relative to the working directory when under it (`data/2023/x.yaml`), else absolute.
 * A path that does not exist is kept, so loading it reports the problem in its place.
 */
export async function discoverSources(paths: readonly string[]): Promise<string[]> {
  const cwd = process.cwd();
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      const files = await (await import('fast-glob')).default(['**/*.yaml', '**/*.yml'], { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      for (const file of files) found.add(display(cwd, path.resolve(file)));
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
