import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { printFix2 } from './print-fix2.js';

describe('printFix2', () => {
  it.each([
    ['10', '10.00'],
    ['100', '100.00'],
    ['98.5', '98.50'],
    ['1.005', '1.01'],
    ['0', '0.00'],
    ['-0.001', '0.00'],
    ['-1.5', '-1.50'],
  ])('prints %s as %s', (input, expected) => {
    expect(printFix2(new Decimal(input))).toBe(expected);
  });
});
