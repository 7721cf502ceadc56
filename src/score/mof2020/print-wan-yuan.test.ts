import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { printWanYuan } from './print-wan-yuan.js';

describe('printWanYuan', () => {
  it.each([
    ['119', '万元', '119.00'],
    ['119.5', '万元', '119.50'],
    ['1234.5678', '万元', '1,234.5678'],
    ['0', '万元', '0.00'],
    ['1190000', '元', '119.00'],
    ['1190000.01', '元', '119.000001'],
    ['17871602.07', '元', '1,787.160207'],
    ['12345', '元', '1.2345'],
    ['1.23456789', '万元', '1.234568'],
  ] as const)('prints %s %s as %s 万元', (amount, unit, expected) => {
    expect(printWanYuan(new Decimal(amount), unit)).toBe(expected);
  });
});
