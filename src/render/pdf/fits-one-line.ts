import type * as Fontkit from 'fontkit';
import type { Points } from '../../layout/layout-model.js';
import type { FontFace } from '../fonts/font-set.js';

/** Advance widths in em by code point, per parsed font (kept for the life of the font). */
const advances = new WeakMap<Fontkit.Font, Map<number, number>>();

/**
 * Whether `text` surely fits on one line `width` points wide in `face` at `size` points:
 * the sum of the glyphs' advances, with half an em to spare for kerning. Text with a line
 * break never does. A cheap test that needs no shaping: each code point's advance is read
 * once per process.
 */
export function fitsOnOneLine(text: string, face: FontFace, size: Points, width: Points): boolean {
  if (text.includes('\n')) return false;
  const limit = (width - size / 2) / size;
  if (limit <= 0) return false;
  const font = face.font();
  let table = advances.get(font);
  if (!table) {
    table = new Map();
    advances.set(font, table);
  }
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    let advance = table.get(code);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm;
      table.set(code, advance);
    }
    em += advance;
    if (em > limit) return false;
  }
  return true;
}
