import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSources } from '../layout/template-set.js';

/** The templates that ship with ziping: `<package>/templates`. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** Reads `*.hbs` (one per form kind, named after it) and `partials/*.hbs` from a templates folder. */
export function loadTemplateSources(dir: string = BUILT_IN_TEMPLATES): TemplateSources {
  const read = (folder: string) =>
    Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.hbs'))
        .sort()
        .map((name) => [basename(name, '.hbs'), readFileSync(join(folder, name), 'utf8')]),
    );
  return { templates: read(dir), partials: read(join(dir, 'partials')) };
}
