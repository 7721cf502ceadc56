import { describe, expect, it } from 'vitest';
import { ChongqingFormSchema, type ChongqingForm } from '../load/form-schema.js';
import { scoreFunds } from './score-funds.js';

type Amounts = { initial: string; adjusted: string; executed: string };
const amounts = (adjusted: string, executed: string, initial = adjusted): Amounts => ({ initial, adjusted, executed });

function funds(fiscal: Amounts, options: { total?: Amounts; sources?: (Amounts & { name: string })[]; rateWeight?: string } = {}): ChongqingForm['funds'] {
  return ChongqingFormSchema.shape.funds.parse({
    total: options.total ?? fiscal,
    fiscal,
    sources: options.sources ?? [],
    rateWeight: options.rateWeight ?? '10',
  });
}

describe('scoreFunds', () => {
  it('prints the three kinds of row in order, with rates only where the form has them', () => {
    const scored = scoreFunds(
      funds(amounts('1,190,000.00', '1190000', '1700000'), {
        total: amounts('19318825.52', '19318275.64', '17871602.07'),
        sources: [{ name: '一般公共预算', ...amounts('1190000', '1190000') }],
      }),
    );
    expect(scored.rows).toEqual([
      { row: '年度总金额', kind: 'total', initial: '17,871,602.07', adjusted: '19,318,825.52', executed: '19,318,275.64' },
      {
        row: '其中：财政拨款',
        kind: 'fiscal',
        initial: '1,700,000.00',
        adjusted: '1,190,000.00',
        executed: '1,190,000.00',
        rate: '100',
        rateWeight: '10.00',
        rateScore: '10.00',
      },
      { row: '一般公共预算', kind: 'source', initial: '1,190,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100' },
    ]);
    expect('rate' in scored.rows[0]).toBe(false);
    expect(scored.diagnostics).toEqual([]);
  });

  it.each([
    // adjusted, executed, rateWeight, rate, rateScore
    ['3', '1', '10', '33.33', '3.33'],
    ['3', '2', '10', '66.67', '6.67'],
    ['499995.86', '499995.86', '10', '100', '10.00'],
    ['100000', '99999', '10', '100', '10.00'], // 99.999 prints 100
    ['100000', '12345', '10', '12.35', '1.24'], // from the printed rate; the raw 12.345 would give 1.23
    ['200', '1', '10', '0.5', '0.05'],
    ['100', '0', '10', '0', '0.00'],
    ['100', '50', '15', '50', '7.50'],
  ])('adjusted %s, executed %s, weight %s → rate %s, score %s', (adjusted, executed, rateWeight, rate, rateScore) => {
    const fiscal = scoreFunds(funds(amounts(adjusted, executed), { total: amounts(adjusted, '0'), rateWeight })).rows[1];
    expect(fiscal).toMatchObject({ rate, rateScore });
  });

  it('prints a rate above 100 but caps the score at the weight, with a warning per over-executed row', () => {
    const scored = scoreFunds(
      funds(amounts('100', '120'), {
        total: amounts('100', '120'),
        sources: [{ name: '一般公共预算', ...amounts('50', '50') }, { name: '政府性基金', ...amounts('50', '70') }],
      }),
    );
    expect(scored.rows[1]).toMatchObject({ rate: '120', rateWeight: '10.00', rateScore: '10.00' });
    expect(scored.rows[3]).toMatchObject({ rate: '140' });
    expect(scored.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['W_OVER_EXECUTED', 'warning', 'funds.total.executed'],
      ['W_OVER_EXECUTED', 'warning', 'funds.fiscal.executed'],
      ['W_OVER_EXECUTED', 'warning', 'funds.sources[1].executed'],
    ]);
  });

  it('blanks the rate and reports an error when the fiscal adjusted budget is 0', () => {
    const scored = scoreFunds(funds(amounts('0', '0'), { sources: [{ name: '一般公共预算', ...amounts('0', '0') }] }));
    expect(scored.rows[1]).toMatchObject({ rate: '', rateWeight: '10.00', rateScore: '' });
    expect(scored.rows[2]).toMatchObject({ rate: '' });
    expect(scored.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_ZERO_ADJUSTED', severity: 'error', path: 'funds.fiscal.adjusted' }),
    ]);
  });
});
