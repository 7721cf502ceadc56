import type { Form } from '../load/form-schema.js';
import { unmetIndicators } from '../report/unmet-indicators.js';

/**
 * Indicators not met, by the scoring rule's own test (DESIGN §4): a quantitative one whose
 * actual misses its target, a qualitative one graded other than 达成. Not "得分系数 < 100":
 * a 达成 may carry 80–99, and a tiny miss can still print 100. One rule with `ziping report`.
 */
export function countUnmetIndicators(form: Form): number {
  return unmetIndicators(form).length;
}
