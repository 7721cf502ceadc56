import { describe, expect, it } from 'vitest';
import { ChongqingFormSchema } from '../load/form-schema.js';
import { scoreForm } from './score-form.js';

function form(overrides: Record<string, unknown> = {}) {
  return ChongqingFormSchema.parse({
    form: '二级项目',
    year: '2023',
    project: { name: '测试项目', code: '50010322T000000000001', department: '024-测试' },
    funds: {
      total: { initial: '100', adjusted: '100', executed: '90' },
      fiscal: { initial: '100', adjusted: '100', executed: '90' },
      sources: [{ name: '一般公共预算', initial: '100', adjusted: '100', executed: '90' }],
      rateWeight: '10',
    },
    goals: {},
    indicators: [
      { name: '数量指标', unit: '次', nature: '≥', target: '200', actual: '150', weight: '50', note: '' },
      { name: '质量指标', unit: '%', nature: '≤', target: '4', actual: '5', weight: '20' },
      { name: '效益指标', unit: '', nature: '定性', target: '达标', actual: '1', grade: '部分达成', coefficient: '70', weight: '20' },
    ],
    ...overrides,
  });
}

describe('scoreForm', () => {
  it('scores funds, indicators and total together', () => {
    const scored = scoreForm(form());
    expect(scored.printed.funds[1]).toMatchObject({ rate: '90', rateWeight: '10.00', rateScore: '9.00' });
    expect(scored.printed.indicators.map((i) => [i.deviation, i.coefficient, i.score])).toEqual([
      ['-25', '75', '37.5'],
      ['-25', '80', '16'],
      ['0', '70', '14'],
    ]);
    // 9.00 + 37.5 + 16 + 14
    expect(scored.printed.selfScore).toBe('76.50');
    expect(scored.diagnostics).toEqual([]);
  });

  it('follows the profile options', () => {
    const linear = scoreForm(form({ profile: { name: 'cq2023', reverseMissed: 'linear' } }));
    expect(linear.printed.indicators[1]).toMatchObject({ coefficient: '75', score: '15' });
    expect(linear.printed.selfScore).toBe('75.50');
    const summed = scoreForm(
      form({
        profile: { name: 'cq2023', total: 'sum' },
        indicators: [{ name: 'a', nature: '≥', target: '1', actual: '1', weight: '60' }, { name: 'b', nature: '≥', target: '1', actual: '1', weight: '40' }],
      }),
    );
    expect(summed.printed.selfScore).toBe('100.00');
    expect(summed.diagnostics).toEqual([]);
  });

  it('collects warnings from every part and cross-checks reported values', () => {
    const scored = scoreForm(
      form({
        funds: {
          total: { initial: '100', adjusted: '100', executed: '110' },
          fiscal: { initial: '100', adjusted: '100', executed: '110' },
          rateWeight: '10',
        },
        indicators: [{ name: '数量指标', nature: '≥', target: '90', actual: '60', weight: '80' }],
        reported: { selfScore: '98.50', indicators: [{ score: '53.33' }] },
      }),
    );
    expect(scored.printed.funds[1]).toMatchObject({ rate: '110', rateScore: '10.00' });
    expect(scored.printed.indicators[0]).toMatchObject({ deviation: '-33.33', coefficient: '66.67', score: '53.34' });
    expect(scored.printed.selfScore).toBe('70.01'); // 10 + 53.34 × 90 ÷ 80 = 70.0075
    expect(scored.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['W_OVER_EXECUTED', 'funds.total.executed'],
      ['W_OVER_EXECUTED', 'funds.fiscal.executed'],
      ['W_DEVIATION_NOTE', 'indicators[0].note'],
      ['W_WEIGHT_SUM', 'indicators'],
      ['W_REPORTED_MISMATCH', 'reported.selfScore'],
      ['W_REPORTED_MISMATCH', 'reported.indicators[0].score'],
    ]);
    expect(scored.diagnostics[4].message).toBe('自评总分：报送值 98.50，计算值 70.01');
  });

  it('leaves the total blank when the fiscal adjusted budget is 0', () => {
    const scored = scoreForm(
      form({
        funds: {
          total: { initial: '0', adjusted: '0', executed: '0' },
          fiscal: { initial: '0', adjusted: '0', executed: '0' },
          rateWeight: '10',
        },
      }),
    );
    expect(scored.printed.selfScore).toBe('');
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'E_ZERO_ADJUSTED', path: 'funds.fiscal.adjusted' })]);
  });

  it('leaves the total blank when an indicator cannot be scored', () => {
    // The loader rejects this form; the scorer must still not throw on it (it is a pure function of any Form).
    const valid = form({ indicators: [{ name: '效益指标', nature: '定性', target: '达标', actual: '1', grade: '未达成', coefficient: '50', weight: '90' }] });
    const scored = scoreForm({ ...valid, indicators: [{ ...valid.indicators[0], coefficient: undefined }] });
    expect(scored.printed.selfScore).toBe('');
    expect(scored.diagnostics.map((d) => d.code)).toEqual(['E_COEFFICIENT_REQUIRED']);
  });
});
