import { readFileSync, statSync } from 'node:fs';
import { hashBytes } from '../build/hash-bytes.js';
import type { FontSet } from '../render/fonts/font-set.js';
import type { PackBy } from './pack-group.js';

/**
 * Everything besides the forms that a pack depends on: tool version, grouping, the cover and
 * contents templates, the fonts (config, and files by size and mtime as the build does), and
 * the date when SOURCE_DATE_EPOCH fixes it (else a new day would remake every pack).
 */
export function packInputsHash(tool: string, by: PackBy, templates: Record<string, string>, fonts: FontSet, date: Date | null): string {
  const fontFiles = fonts.faces().map((face) => {
    const info = statSync(face.file);
    return `${face.file}:${info.size}:${info.mtimeMs}`;
  });
  return hashBytes('pack 1', tool, by, JSON.stringify(templates), readFileSync(fonts.configFile), fontFiles.join('\n'), date ? date.toISOString() : '');
}
