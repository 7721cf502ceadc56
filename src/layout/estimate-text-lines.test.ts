import { describe, expect, it } from 'vitest';
import { estimateTextLines } from './estimate-text-lines.js';

describe('estimateTextLines', () => {
  it('counts one line for text that fits, however it ends', () => {
    expect(estimateTextLines('产出指标', 100, 9, false)).toBe(1);
    expect(estimateTextLines('', 100, 9, false)).toBe(1);
    expect(estimateTextLines('≥200人次', 100, 9, false)).toBe(1);
    // 82.8 pt in 90: no em is held back when nothing wraps.
    expect(estimateTextLines('满意度指标（10分）', 90, 9, false)).toBe(1);
  });

  it('wraps CJK text by character, holding one em back per line', () => {
    // 20 characters of 9 pt in 99 pt: 90 usable → 10 per line.
    expect(estimateTextLines('一二三四五六七八九十'.repeat(2), 99, 9, false)).toBe(2);
    expect(estimateTextLines('一二三四五六七八九十'.repeat(2), 98, 9, false)).toBe(3);
  });

  it('breaks at newlines and keeps nowrap text to its lines', () => {
    expect(estimateTextLines('第一行\n第二行', 200, 9, false)).toBe(2);
    expect(estimateTextLines('很长很长很长很长很长很长很长很长很长很长', 20, 9, true)).toBe(1);
  });

  it('moves an ASCII word that does not fit to the next line whole', () => {
    // 62.1 pt wraps; 51 pt usable: "ab " takes 13.5, "abcdefghi" (48.6) no longer fits after it.
    expect(estimateTextLines('ab abcdefghi', 60, 9, false)).toBe(2);
    // A 140.4 pt word wraps by character over ⌈140.4 / 51⌉ lines.
    expect(estimateTextLines('abcdefghijklmnopqrstuvwxyz', 60, 9, false)).toBe(3);
  });
});
