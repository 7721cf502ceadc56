import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { printTrim } from './print-trim.js';

describe('printTrim', () => {
  it.each([
    ['3.33', '3.33'],
    ['20.00', '20'],
    ['20.50', '20.5'],
    ['0.00', '0'],
    ['-0', '0'],
    ['-0.00', '0'],
    ['-33.33', '-33.33'],
    ['1e-9', '0.000000001'],
    ['12345678901234567890', '12345678901234567890'],
  ])('prints %s as %s', (input, expected) => {
    expect(printTrim(new Decimal(input))).toBe(expected);
  });
});
