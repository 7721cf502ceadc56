import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../fonts/font-set.js';
import { fitsOnOneLine } from './fits-one-line.js';

describe('fitsOnOneLine', () => {
  const face = loadFontSet('fonts/fonts.json').faceFor({ role: 'body', bold: false });
  const font = face.font();
  const exactWidth = (text: string, size: number) => (font.layout(text).advanceWidth / font.unitsPerEm) * size;

  it('says yes only with half an em to spare over the shaped width', () => {
    for (const text of ['夏季慰问及元旦春节慰问', '17,871,602.07', '≥95%（含）']) {
      const width = exactWidth(text, 9);
      expect(fitsOnOneLine(text, face, 9, width + 4.5 + 0.01)).toBe(true);
      expect(fitsOnOneLine(text, face, 9, width + 4.4)).toBe(false);
      expect(fitsOnOneLine(text, face, 9, width)).toBe(false);
    }
  });

  it('never for text with a line break or a column narrower than half an em', () => {
    expect(fitsOnOneLine('甲\n乙', face, 9, 500)).toBe(false);
    expect(fitsOnOneLine('', face, 9, 4)).toBe(false);
    expect(fitsOnOneLine('', face, 9, 5)).toBe(true);
  });
});
