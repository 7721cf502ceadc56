import { describe, expect, it } from 'vitest';
import { parsePdfDate, pdfDate } from './pdf-date.js';

describe('pdfDate / parsePdfDate', () => {
  it('writes UTC to the second and reads it back', () => {
    const date = new Date('2024-03-01T08:09:10.750Z');
    expect(pdfDate(date)).toBe('D:20240301080910Z');
    expect(parsePdfDate(pdfDate(date))?.toISOString()).toBe('2024-03-01T08:09:10.000Z');
  });

  it("reads offsets as other tools write them (+08'00')", () => {
    expect(parsePdfDate("D:20240301160910+08'00'")?.toISOString()).toBe('2024-03-01T08:09:10.000Z');
    expect(parsePdfDate('not a date')).toBeUndefined();
  });
});
