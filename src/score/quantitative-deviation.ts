import type { Decimal } from 'decimal.js';
import { ScoreDecimal } from './score-decimal.js';
import type { QuantitativeNature } from './quantitative-nature.js';

/**
 * 偏离度 before rounding, signed so that positive = better than target (DESIGN §4).
 * null = printed blank (target 0 and actual ≠ 0: no percentage exists).
 * Divides by |t| so a negative target (e.g. `≥ -5` growth) keeps "positive = better";
 * for t > 0 this is exactly §4's formula.
 */
export function quantitativeDeviation(nature: QuantitativeNature, target: Decimal, actual: Decimal): Decimal | null {
  const t = new ScoreDecimal(target);
  const a = new ScoreDecimal(actual);
  if (t.isZero()) return a.isZero() ? new ScoreDecimal(0) : null;
  const base = t.abs();
  switch (nature) {
    case '≥':
      return a.minus(t).div(base).times(100);
    case '≤':
      return t.minus(a).div(base).times(100);
    case '=':
      return a.minus(t).abs().div(base).times(100).negated();
  }
}
