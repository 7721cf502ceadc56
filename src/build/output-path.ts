import { statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

/**
 * `out/` mirrors the input folders: with input `data`, `data/2023/a/x.yaml` → `out/2023/a/x`
 * (the caller adds `.pdf`/`.docx`). A file named directly on the command line keeps its name.
 */
export function outputBase(file: string, inputs: string[], outDir: string): string {
  const absolute = resolve(file);
  for (const input of inputs) {
    const root = resolve(input);
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      continue;
    }
    if (isDir && absolute.startsWith(root + sep)) {
      const rel = relative(root, absolute);
      return join(outDir, rel.slice(0, rel.length - extname(rel).length));
    }
  }
  return join(outDir, basename(absolute, extname(absolute)));
}
