import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { printAmount } from './print-amount.js';

describe('printAmount', () => {
  it.each([
    ['17871602.07', '17,871,602.07'],
    ['1190000', '1,190,000.00'],
    ['499995.86', '499,995.86'],
    ['999.995', '1,000.00'],
    ['100', '100.00'],
    ['0', '0.00'],
    ['123456789012.345', '123,456,789,012.35'],
    ['-1234.5', '-1,234.50'],
  ])('prints %s as %s', (input, expected) => {
    expect(printAmount(new Decimal(input))).toBe(expected);
  });
});
