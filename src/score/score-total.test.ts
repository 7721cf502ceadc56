import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { PrintedIndicator } from './printed-form.js';
import { scoreTotal, type TotalInput } from './score-total.js';

/** Printed rows from [weight, score] pairs. */
const rows = (...pairs: [string, string][]): PrintedIndicator[] =>
  pairs.map(([weight, score], i) => ({ name: `指标${i + 1}`, deviation: '0', coefficient: '100', weight, score }));

function total(indicators: PrintedIndicator[], overrides: Partial<TotalInput> = {}) {
  return scoreTotal({ rateWeight: new Decimal(10), rateScore: '10.00', indicators, total: 'normalized', ...overrides });
}

describe('scoreTotal', () => {
  it('keeps project weights summing to 90 as the plain sum', () => {
    expect(total(rows(['20', '20'], ['20', '20'], ['10', '10'], ['20', '20'], ['20', '20']))).toEqual({ selfScore: '100.00', diagnostics: [] });
    expect(total(rows(['50', '45'], ['40', '40'])).selfScore).toBe('95.00');
  });

  it('scales department weights summing to 100 to the 90 left after the execution rate', () => {
    expect(total(rows(['60', '60'], ['40', '40'])).selfScore).toBe('100.00');
    expect(total(rows(['60', '55'], ['40', '40'])).selfScore).toBe('95.50');
    // 10 + 33.33 × 0.9 = 39.997
    expect(total(rows(['60', '33.33'], ['40', '0'])).selfScore).toBe('40.00');
    // 10 + 11.05 × 0.9 = 19.945, a half-up tie (float: 19.944999…)
    expect(total(rows(['60', '11.05'], ['40', '0'])).selfScore).toBe('19.95');
  });

  it('uses the printed execution-rate score and rate weight', () => {
    expect(total(rows(['60', '60'], ['40', '40']), { rateScore: '3.33' }).selfScore).toBe('93.33');
    expect(total(rows(['50', '50'], ['50', '50']), { rateWeight: new Decimal(20), rateScore: '20.00' }).selfScore).toBe('100.00');
  });

  it('gives min(100, plain sum) for profile total: sum', () => {
    expect(total(rows(['60', '60'], ['40', '40']), { total: 'sum' }).selfScore).toBe('100.00');
    expect(total(rows(['60', '55'], ['40', '30']), { total: 'sum' }).selfScore).toBe('95.00');
    expect(total(rows(['50', '45'], ['40', '40']), { total: 'sum' }).selfScore).toBe('95.00');
  });

  it('warns when the weights sum to neither 90 nor 100', () => {
    const scored = total(rows(['50', '50'], ['35', '35']));
    expect(scored.selfScore).toBe('100.00');
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'W_WEIGHT_SUM', severity: 'warning', path: 'indicators' })]);
    expect(scored.diagnostics[0].message).toContain('85');
    expect(total(rows(['45.5', '45.5'], ['44.5', '44.5'])).diagnostics).toEqual([]);
  });

  it('reports an error and prints no total when the weights sum to 0', () => {
    expect(total(rows(['0', '0']))).toEqual({
      selfScore: '',
      diagnostics: [expect.objectContaining({ code: 'E_WEIGHT_SUM_ZERO', severity: 'error' })],
    });
  });

  it('prints no total when a value it depends on is blank', () => {
    expect(total(rows(['90', ''])).selfScore).toBe('');
    expect(total(rows(['90', '90']), { rateScore: '' }).selfScore).toBe('');
  });

  it('rejects an execution-rate weight above 100', () => {
    const scored = total(rows(['90', '90']), { rateWeight: new Decimal(120), rateScore: '120.00' });
    expect(scored.selfScore).toBe('');
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'E_RATE_WEIGHT_RANGE', path: 'funds.rateWeight' })]);
  });
});
