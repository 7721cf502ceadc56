import type { Form } from '../load/form-schema.js';
import { isTargetMet } from '../score/is-target-met.js';
import { parseIndicatorValue } from '../score/parse-indicator-value.js';

/**
 * Indicators not met, by the scoring rule's own test (DESIGN §4): a quantitative one whose
 * actual misses its target, a qualitative one graded other than 达成. Not "得分系数 < 100":
 * a 达成 may carry 80–99, and a tiny miss can still print 100.
 */
export function countUnmetIndicators(form: Form): number {
  let unmet = 0;
  for (const indicator of form.indicators) {
    if (indicator.nature === '定性') {
      if (indicator.grade !== '达成') unmet += 1;
      continue;
    }
    const target = parseIndicatorValue(indicator.target);
    const actual = parseIndicatorValue(indicator.actual);
    if (target === null || actual === null || !isTargetMet(indicator.nature, target, actual)) unmet += 1;
  }
  return unmet;
}
