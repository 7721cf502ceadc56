import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../fonts/font-set.js';
import { breakLines } from './break-lines.js';
import { createTextMeasures } from './register-font-cache.js';

describe('breakLines', () => {
  const fonts = loadFontSet('fonts/fonts.json');
  const face = fonts.faceFor({ role: 'body', bold: false });
  const measure = createTextMeasures(fonts.faces())(face, 9);

  it('fills Chinese text greedily into lines no wider than the column, keeping every character', () => {
    const text = '保障全区疫情防控形势平稳有序，'.repeat(6);
    const lines = breakLines(text, measure, 200)!;
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(measure.width(line.replace(/\s+$/, ''))).toBeLessThanOrEqual(200);
    // Filled: no line but the last is less than nine tenths full (a 9-point character is 4.5% of 200 points).
    for (const line of lines.slice(0, -1)) expect(measure.width(line)).toBeGreaterThan(180);
  });

  it('leaves to pdfmake what it would do more with: line breaks, a word it must cut, pairs kerned once joined', () => {
    expect(breakLines('第一行\n第二行', measure, 200)).toBeNull();
    expect(breakLines('x'.repeat(80), measure, 100)).toBeNull();
    expect(breakLines('', measure, 100)).toBeNull();
    // Some Latin pair is kerned when shaped whole but not as separate words.
    const latin = 'https://example.gov.cn/AV/To/Wa/Ye/'.repeat(3);
    expect(measure.shapesAsPieces('AV', ['A', 'V'])).toBe(false);
    const lines = breakLines(latin, measure, 120);
    if (lines) for (const line of lines) expect(line.length).toBeGreaterThan(0);
  });
});
