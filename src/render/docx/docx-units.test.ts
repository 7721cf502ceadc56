import { describe, expect, it } from 'vitest';
import { DocxUnits } from './docx-units.js';

describe('DocxUnits', () => {
  it('converts points to twentieths, half-points and eighths', () => {
    expect(DocxUnits.dxa(841.89)).toBe(16838);
    expect(DocxUnits.halfPoints(10.5)).toBe(21);
    expect(DocxUnits.eighthPoints(0.5)).toBe(4);
  });

  it('keeps border widths inside the 2–96 eighths Word accepts', () => {
    expect(DocxUnits.eighthPoints(0.1)).toBe(2);
    expect(DocxUnits.eighthPoints(20)).toBe(96);
  });

  it('rounds column boundaries so the widths add up to the rounded total', () => {
    const columns = [100.33, 100.33, 100.33, 100.33, 100.33, 100.33];
    const dxa = DocxUnits.columnsDxa(columns);
    expect(dxa.reduce((sum, w) => sum + w, 0)).toBe(Math.round(601.98 * 20));
    // Rounding each column alone would give 6 × 2007 = 12042.
    expect(dxa).toEqual([2007, 2006, 2007, 2006, 2007, 2007]);
  });
});
