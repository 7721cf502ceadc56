import type { Decimal } from 'decimal.js';
import type { ProfileOptionsData } from '../load/form-schema.js';
import { isTargetMet } from './is-target-met.js';
import { ScoreDecimal } from './score-decimal.js';
import type { QuantitativeNature } from './quantitative-nature.js';

/**
 * 得分系数 before rounding, always within [0, 100] (DESIGN §4):
 * met → 100; missed `≥` a/t×100; `≤` t/a×100 (or linear 100 − (a−t)/t×100); `=` min/max×100;
 * t = 0 → met 100, missed 0. A negative target has no meaningful ratio, so it is scored
 * linearly (100 + signed deviation), which equals the ratio for `≥` with t > 0.
 */
export function quantitativeCoefficient(
  nature: QuantitativeNature,
  target: Decimal,
  actual: Decimal,
  reverseMissed: ProfileOptionsData['reverseMissed'],
): Decimal {
  const t = new ScoreDecimal(target);
  const a = new ScoreDecimal(actual);
  const hundred = new ScoreDecimal(100);
  if (isTargetMet(nature, t, a)) return hundred;
  if (t.isZero()) return new ScoreDecimal(0);
  let raw: Decimal;
  if (t.isNegative()) {
    const deviation = nature === '=' ? a.minus(t).abs().negated() : nature === '≥' ? a.minus(t) : t.minus(a);
    raw = hundred.plus(deviation.div(t.abs()).times(100));
  } else if (nature === '≥') {
    raw = a.div(t).times(100);
  } else if (nature === '≤') {
    // a > t > 0 here, so the ratio is defined.
    raw = reverseMissed === 'linear' ? hundred.minus(a.minus(t).div(t).times(100)) : t.div(a).times(100);
  } else {
    raw = ScoreDecimal.min(a, t).div(ScoreDecimal.max(a, t)).times(100);
  }
  return ScoreDecimal.min(hundred, ScoreDecimal.max(0, raw));
}
