import { describe, expect, it } from 'vitest';
import { Indicator, ProfileOptions, type IndicatorData, type ProfileOptionsData } from '../load/form-schema.js';
import { scoreIndicator } from './score-indicator.js';

/** Indicators are built the way the loader builds them: strings through the schema. */
function indicator(fields: Record<string, string>): IndicatorData {
  return Indicator.parse({ name: '测试指标', unit: '次', weight: '10', ...fields });
}
const ratio: ProfileOptionsData = ProfileOptions.parse({});
const linear: ProfileOptionsData = ProfileOptions.parse({ reverseMissed: 'linear' });

describe('scoreIndicator — quantitative', () => {
  it.each([
    // nature, target, actual, weight, profile, deviation, coefficient, score
    ['≥ met (sample)', '≥', '90', '93', '10', ratio, '3.33', '100', '10'],
    ['≥ missed', '≥', '200', '150', '20', ratio, '-25', '75', '15'],
    ['≥ missed, thirds', '≥', '90', '60', '10', ratio, '-33.33', '66.67', '6.67'],
    ['≥ missed is linear either way', '≥', '90', '60', '10', linear, '-33.33', '66.67', '6.67'],
    ['≥ actual > 2×target: no penalty', '≥', '100', '250', '10', ratio, '150', '100', '10'],
    ['≥ negative actual floors at 0', '≥', '100', '-5', '10', ratio, '-105', '0', '0'],
    ['≤ met (sample)', '≤', '4', '3', '10', ratio, '25', '100', '10'],
    ['≤ missed, ratio', '≤', '4', '5', '10', ratio, '-25', '80', '8'],
    ['≤ missed, linear', '≤', '4', '5', '10', linear, '-25', '75', '7.5'],
    ['≤ missed by thirds, ratio', '≤', '3', '7', '10', ratio, '-133.33', '42.86', '4.29'],
    ['≤ missed by thirds, linear floors at 0', '≤', '3', '7', '10', linear, '-133.33', '0', '0'],
    ['≤ actual > 2×target, ratio', '≤', '100', '250', '10', ratio, '-150', '40', '4'],
    ['≤ actual > 2×target, linear', '≤', '100', '250', '10', linear, '-150', '0', '0'],
    ['= met (sample)', '=', '100', '100', '10', ratio, '0', '100', '10'],
    ['= missed below', '=', '100', '95', '10', ratio, '-5', '95', '9.5'],
    ['= missed above', '=', '100', '120', '10', ratio, '-20', '83.33', '8.33'],
    ['= missed above, linear profile changes nothing', '=', '100', '120', '10', linear, '-20', '83.33', '8.33'],
    ['≥ t=0 met at 0', '≥', '0', '0', '10', ratio, '0', '100', '10'],
    ['≥ t=0 met above: deviation blank', '≥', '0', '5', '10', ratio, '', '100', '10'],
    ['≤ t=0 met', '≤', '0', '0', '10', ratio, '0', '100', '10'],
    ['≤ t=0 missed', '≤', '0', '2', '10', ratio, '', '0', '0'],
    ['≤ t=0 missed, linear', '≤', '0', '2', '10', linear, '', '0', '0'],
    ['= t=0 missed', '=', '0', '1', '10', ratio, '', '0', '0'],
    ['thousands separators in values', '≥', '1,000', '1,500.00', '10', ratio, '50', '100', '10'],
    ['deviation 1.005 rounds up (float gives 1.00)', '≥', '1000', '1010.05', '10', ratio, '1.01', '100', '10'],
    ['deviation 0.505 rounds up', '≥', '200', '201.01', '10', ratio, '0.51', '100', '10'],
    ['score tie 3.005 rounds up', '≥', '1000', '601', '5', ratio, '-39.9', '60.1', '3.01'],
    ['score from the printed coefficient', '≥', '3', '1', '1.5', ratio, '-66.67', '33.33', '0.5'],
    ['negative target, met', '≥', '-5', '-3', '10', ratio, '40', '100', '10'],
    ['negative target, missed ≥', '≥', '-5', '-6', '10', ratio, '-20', '80', '8'],
    ['negative target, missed ≤', '≤', '-5', '-4', '10', ratio, '-20', '80', '8'],
    ['weight printed trimmed', '≥', '10', '10', '20.00', ratio, '0', '100', '20'],
  ])('%s', (_name, nature, target, actual, weight, profile, deviation, coefficient, score) => {
    const scored = scoreIndicator(indicator({ nature, target, actual, weight, note: '已说明' }), 0, profile);
    expect(scored.printed).toEqual({ name: '测试指标', deviation, coefficient, weight: String(Number(weight)), score });
    expect(scored.diagnostics).toEqual([]);
  });

  it('warns when |deviation| > 30 and the note is empty', () => {
    const scored = scoreIndicator(indicator({ nature: '≥', target: '90', actual: '60' }), 4, ratio);
    expect(scored.diagnostics).toEqual([
      expect.objectContaining({ code: 'W_DEVIATION_NOTE', severity: 'warning', path: 'indicators[4].note' }),
    ]);
    expect(scored.diagnostics[0].message).toContain('-33.33%');
  });

  it('warns for over-achievement beyond 30% too, but not at exactly 30', () => {
    expect(scoreIndicator(indicator({ nature: '≥', target: '100', actual: '250' }), 0, ratio).diagnostics).toHaveLength(1);
    expect(scoreIndicator(indicator({ nature: '≥', target: '100', actual: '130' }), 0, ratio).diagnostics).toEqual([]);
    // 30.004 prints 30: the printed deviation decides
    expect(scoreIndicator(indicator({ nature: '≥', target: '100000', actual: '130004' }), 0, ratio).diagnostics).toEqual([]);
    expect(scoreIndicator(indicator({ nature: '≥', target: '100000', actual: '130005' }), 0, ratio).diagnostics).toHaveLength(1);
  });

  it('reports a non-numeric target as an error and prints blanks instead of throwing', () => {
    const scored = scoreIndicator(indicator({ nature: '≥', target: '前10', actual: '3' }), 2, ratio);
    expect(scored.printed).toEqual({ name: '测试指标', deviation: '', coefficient: '', weight: '10', score: '' });
    expect(scored.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_INDICATOR_VALUE', severity: 'error', path: 'indicators[2].target' }),
    ]);
  });

  it('ignores a coefficient on a quantitative indicator, with a warning', () => {
    const scored = scoreIndicator(indicator({ nature: '≥', target: '10', actual: '5', coefficient: '90', note: 'x' }), 1, ratio);
    expect(scored.printed.coefficient).toBe('50');
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'W_COEFFICIENT_IGNORED', path: 'indicators[1].coefficient' })]);
  });
});

describe('scoreIndicator — 定性', () => {
  it.each([
    // grade, coefficient (or '' for none), weight, printed coefficient, score
    ['达成', '', '10', '100', '10'],
    ['达成', '100', '10', '100', '10'],
    ['达成', '80', '10', '80', '8'],
    ['达成', '80.00', '5', '80', '4'],
    ['部分达成', '79.99', '10', '79.99', '8'],
    ['部分达成', '60', '10', '60', '6'],
    ['未达成', '59.99', '10', '59.99', '6'],
    ['未达成', '0', '10', '0', '0'],
  ])('%s with coefficient "%s" scores', (grade, coefficient, weight, printedCoefficient, score) => {
    const fields: Record<string, string> = { nature: '定性', target: '达标', actual: '1', grade, weight };
    if (coefficient !== '') fields.coefficient = coefficient;
    const scored = scoreIndicator(indicator(fields), 0, ratio);
    expect(scored.printed).toEqual({ name: '测试指标', deviation: '0', coefficient: printedCoefficient, weight, score });
    expect(scored.diagnostics).toEqual([]);
  });

  it.each([
    ['达成', '79.99', 'E_COEFFICIENT_BAND'],
    ['达成', '100.01', 'E_COEFFICIENT_BAND'],
    ['部分达成', '80', 'E_COEFFICIENT_BAND'],
    ['部分达成', '79.995', 'E_COEFFICIENT_BAND'], // prints 80
    ['部分达成', '59.99', 'E_COEFFICIENT_BAND'],
    ['未达成', '60', 'E_COEFFICIENT_BAND'],
    ['未达成', '-1', 'E_COEFFICIENT_BAND'],
    ['部分达成', '', 'E_COEFFICIENT_REQUIRED'],
    ['未达成', '', 'E_COEFFICIENT_REQUIRED'],
  ])('%s with coefficient "%s" is %s', (grade, coefficient, code) => {
    const fields: Record<string, string> = { nature: '定性', target: '达标', actual: '1', grade };
    if (coefficient !== '') fields.coefficient = coefficient;
    const scored = scoreIndicator(indicator(fields), 3, ratio);
    expect(scored.printed).toMatchObject({ deviation: '0', coefficient: '', score: '' });
    expect(scored.diagnostics).toEqual([
      expect.objectContaining({ code, severity: 'error', path: 'indicators[3].coefficient' }),
    ]);
  });

  it('requires a grade', () => {
    const scored = scoreIndicator(indicator({ nature: '定性', target: '达标', actual: '1' }), 0, ratio);
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'E_GRADE_REQUIRED', path: 'indicators[0].grade' })]);
    expect(scored.printed.score).toBe('');
  });
});
