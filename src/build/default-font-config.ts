import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fonts config that ships with ziping: `<package>/fonts/fonts.json`. */
export const BUILT_IN_FONT_CONFIG = fileURLToPath(new URL('../../fonts/fonts.json', import.meta.url));

/** `--fonts FILE` if given; else the project's `fonts/fonts.json` when there is one; else the built-in one. */
export function defaultFontConfig(given: string | undefined, cwd = process.cwd()): string {
  if (given) return resolve(cwd, given);
  const local = resolve(cwd, 'fonts/fonts.json');
  return existsSync(local) ? local : BUILT_IN_FONT_CONFIG;
}
