import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_CONFIG_FILE } from './project-config.js';

/**
 * The nearest `ziping.config.json` in `from` or a folder above it, up to the filesystem root
 * (as tsc finds tsconfig.json and cargo Cargo.toml), so a command run in `data/2023/` uses the
 * project's settings. The first one found wins; none is undefined.
 */
export function findProjectConfig(from: string = process.cwd()): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    const file = join(folder, PROJECT_CONFIG_FILE);
    if (existsSync(file)) return file;
    if (dirname(folder) === folder) return undefined;
  }
}

const roots = new Map<string, string>();

/** The project folder: that of the nearest config, else `from` itself (looked up once per folder). */
export function projectRoot(from: string = process.cwd()): string {
  let root = roots.get(from);
  if (root === undefined) {
    const file = findProjectConfig(from);
    root = file ? dirname(file) : resolve(from);
    roots.set(from, root);
  }
  return root;
}
