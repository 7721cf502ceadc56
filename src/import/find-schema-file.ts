import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SCHEMA_FILE_NAME = 'form.schema.json';

/**
 * The form.schema.json an imported folder's YAML should point at: in the folder or the nearest
 * folder above it, searched up to the project's root (the first folder holding
 * ziping.config.json, package.json or .git). Undefined when there is none.
 */
export function findSchemaFile(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const isRoot = ['ziping.config.json', 'package.json', '.git'].some((marker) => existsSync(join(dir, marker)));
    if (isRoot || dirname(dir) === dir) return undefined;
  }
}
