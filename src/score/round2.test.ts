import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { round2 } from './round2.js';
import { ScoreDecimal } from './score-decimal.js';

describe('round2', () => {
  it.each([
    ['1.005', '1.01'], // float math gives 1.00
    ['2.675', '2.68'], // float math gives 2.67
    ['1.004999', '1'],
    ['0.125', '0.13'],
    ['-1.005', '-1.01'], // half up = away from zero
    ['-0.004', '0'],
    ['100', '100'],
  ])('rounds %s half up to %s', (input, expected) => {
    expect(round2(new Decimal(input)).toFixed()).toBe(expected);
  });

  it('rounds exact quotients that floats get wrong', () => {
    // (1010.05 − 1000) ÷ 1000 × 100 is 1.0049999999999955 in floats
    const deviation = new ScoreDecimal('1010.05').minus(1000).div(1000).times(100);
    expect(round2(deviation).toFixed()).toBe('1.01');
    expect(round2(new ScoreDecimal(1).div(3).times(100)).toFixed()).toBe('33.33');
    expect(round2(new ScoreDecimal(2).div(3).times(100)).toFixed()).toBe('66.67');
  });

  it('leaves the global Decimal configuration alone', () => {
    const before = { precision: Decimal.precision, rounding: Decimal.rounding };
    round2(new ScoreDecimal(2).div(3));
    expect({ precision: Decimal.precision, rounding: Decimal.rounding }).toEqual(before);
    expect(ScoreDecimal.precision).toBeGreaterThan(Decimal.precision);
  });
});
