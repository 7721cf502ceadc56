import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../src/import/index.js';
import { runCli } from './support/run-cli.js';
import { SAMPLE_FILE } from './support/sample-fixture.js';

/**
 * `ziping check --json data` must reproduce every printed number of the real published
 * export, string for string. The expectations are read from the export text itself.
 */
const sample = parseExport(readFileSync(SAMPLE_FILE, 'utf8'));
const result = runCli(['check', '--json', 'data']);
const checked = JSON.parse(result.stdout) as {
  forms: Array<{
    file: string;
    form: string;
    ok: boolean;
    errors: unknown[];
    warnings: unknown[];
    project: { code: string };
    printed: {
      selfScore: string;
      funds: Array<{ row: string; initial: string; adjusted: string; executed: string; rate?: string; rateWeight?: string; rateScore?: string }>;
      indicators: Array<{ name: string; deviation: string; coefficient: string; weight: string; score: string }>;
    };
  }>;
};

describe('check --json data reproduces the published sample', () => {
  it('exits 0 with three clean forms (and a clean national example beside them)', () => {
    expect(result.status).toBe(0);
    expect(sample.diagnostics).toEqual([]);
    expect(sample.forms).toHaveLength(3);
    expect(checked.forms.filter((form) => form.file.startsWith('data/2023/'))).toHaveLength(3);
    for (const form of checked.forms) expect({ file: form.file, errors: form.errors, warnings: form.warnings }).toEqual({ file: form.file, errors: [], warnings: [] });
  });

  const fold = (label: string) => label.replace(/:/g, '：');
  let indicatorRows = 0;
  for (const expected of sample.forms) {
    describe(`${expected.kind} ${expected.header.code}`, () => {
      const form = () => checked.forms.find((f) => f.project.code === expected.header.code)!;

      it('自评总分', () => {
        expect(form().printed.selfScore).toBe(expected.header.selfScore);
      });

      it('资金情况: amounts, 执行率, 执行率权重, 执行率得分', () => {
        const rows = [expected.funds.total, expected.funds.fiscal, ...expected.funds.sources];
        expect(form().printed.funds).toEqual(
          rows.map((row, i) => ({
            row: fold(row.label),
            initial: row.initial,
            adjusted: row.adjusted,
            executed: row.executed,
            ...(i === 0 ? {} : { rate: row.rate }),
            ...(i === 1 ? { rateWeight: row.rateWeight, rateScore: row.rateScore } : {}),
          })),
        );
      });

      it('every indicator row: 偏离度, 得分系数, 指标权重, 指标得分', () => {
        indicatorRows += expected.indicators.length;
        expect(form().printed.indicators).toEqual(
          expected.indicators.map((row) => ({ name: row.name, deviation: row.deviation, coefficient: row.coefficient, weight: row.weight, score: row.score })),
        );
      });
    });
  }

  it('covers all 22 indicator rows of the sample', () => {
    expect(indicatorRows).toBe(22);
  });
});
