import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormSchema, Indicator, ProfileOptions } from '../load/form-schema.js';
import { scoreForm } from './score-form.js';
import { scoreIndicator } from './score-indicator.js';

/** A decimal text with up to 2 decimals built from integer cents, never through a float. */
const decimalText = (minCents: number, maxCents: number) =>
  fc.integer({ min: minCents, max: maxCents }).map((cents) => {
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  });

const profile = fc.record({ reverseMissed: fc.constantFrom('ratio', 'linear'), total: fc.constantFrom('normalized', 'sum') });

const quantitative = fc.record({
  name: fc.constant('指标'),
  nature: fc.constantFrom('≥', '≤', '='),
  target: decimalText(-10_000, 1_000_000),
  actual: decimalText(-10_000, 3_000_000),
  weight: decimalText(0, 5_000),
});

const qualitative = fc.oneof(
  fc.record({ grade: fc.constant('达成'), coefficient: decimalText(8_000, 10_000) }),
  fc.record({ grade: fc.constant('部分达成'), coefficient: decimalText(6_000, 7_999) }),
  fc.record({ grade: fc.constant('未达成'), coefficient: decimalText(0, 5_999) }),
).chain((graded) =>
  fc.record({
    name: fc.constant('指标'),
    nature: fc.constant('定性'),
    target: fc.constant('达标'),
    actual: fc.constant('1'),
    grade: fc.constant(graded.grade),
    coefficient: fc.constant(graded.coefficient),
    weight: decimalText(0, 5_000),
  }),
);

const indicatorFields = fc.oneof(quantitative, qualitative);

describe('scoring properties', () => {
  it('0 ≤ 指标得分 ≤ 指标权重', () => {
    fc.assert(
      fc.property(indicatorFields, profile, (fields, options) => {
        const scored = scoreIndicator(Indicator.parse(fields), 0, ProfileOptions.parse(options));
        const score = new Decimal(scored.printed.score);
        expect(scored.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(score.gte(0) && score.lte(fields.weight)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('0 ≤ 自评总分 ≤ 100', () => {
    const amounts = fc
      .tuple(decimalText(1, 10_000_000_000), decimalText(0, 20_000_000_000))
      .map(([adjusted, executed]) => ({ initial: adjusted, adjusted, executed }));
    fc.assert(
      fc.property(
        fc.array(indicatorFields, { minLength: 1, maxLength: 12 }),
        amounts,
        decimalText(0, 10_000),
        profile,
        (indicators, fiscal, rateWeight, options) => {
          fc.pre(indicators.some((i) => !new Decimal(i.weight).isZero()));
          const form = FormSchema.parse({
            form: '二级项目',
            year: '2023',
            profile: { name: 'cq2023', ...options },
            project: { name: '项目', code: '1', department: '部门' },
            funds: { total: fiscal, fiscal, rateWeight },
            goals: {},
            indicators,
          });
          const { printed, diagnostics } = scoreForm(form);
          expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(printed.selfScore).toMatch(/^\d+\.\d\d$/);
          const total = new Decimal(printed.selfScore);
          expect(total.gte(0) && total.lte(100)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('for ≥, the score never falls as the actual value rises', () => {
    fc.assert(
      fc.property(
        decimalText(-10_000, 1_000_000),
        decimalText(-10_000, 3_000_000),
        decimalText(-10_000, 3_000_000),
        decimalText(0, 5_000),
        profile,
        (target, actualA, actualB, weight, options) => {
          const [low, high] = new Decimal(actualA).lte(actualB) ? [actualA, actualB] : [actualB, actualA];
          const score = (actual: string) =>
            new Decimal(
              scoreIndicator(Indicator.parse({ name: '指标', nature: '≥', target, actual, weight }), 0, ProfileOptions.parse(options)).printed.score,
            );
          expect(score(low).lte(score(high))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
