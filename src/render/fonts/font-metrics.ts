import type * as Fontkit from 'fontkit';
import type { TextMetrics } from '../../layout/text-metrics.js';
import type { FontSet } from './font-set.js';

/** Advance widths in em by code point, per parsed font (kept for the life of the font). */
const advances = new WeakMap<Fontkit.Font, Map<number, number>>();

function advanceTable(font: Fontkit.Font): Map<number, number> {
  let table = advances.get(font);
  if (!table) {
    table = new Map();
    advances.set(font, table);
  }
  return table;
}

/**
 * The configured faces' real metrics for the layout: a line's width is the sum of its glyphs'
 * advances (each code point read once per process), which is what Word sets and at least what
 * pdfkit and LibreOffice set (their kerning only narrows Latin pairs); a line is the face's
 * ascender to descender, the height pdfmake gives it.
 */
export function fontMetrics(fonts: FontSet): TextMetrics {
  return {
    width(style, text) {
      const font = fonts.faceFor(style).font();
      const table = advanceTable(font);
      let em = 0;
      for (const char of text) {
        const code = char.codePointAt(0)!;
        let advance = table.get(code);
        if (advance === undefined) {
          advance = font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm;
          table.set(code, advance);
        }
        em += advance;
      }
      return em * style.size;
    },
    lineHeight(style) {
      const font = fonts.faceFor(style).font();
      return ((font.ascent - font.descent) / font.unitsPerEm) * style.size;
    },
  };
}
