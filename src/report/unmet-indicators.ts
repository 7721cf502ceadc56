import type { Form } from '../load/form-schema.js';
import { isTargetMet } from '../score/is-target-met.js';
import { parseIndicatorValue } from '../score/parse-indicator-value.js';

export interface UnmetIndicator {
  name: string;
  nature: string;
  /** 年度指标值 and 实际完成值 as written (printed as written, DESIGN §3). */
  target: string;
  actual: string;
  grade: string;
  /** 说明 / 偏差原因分析及改进措施 ('' when not given). */
  reason: string;
}

/**
 * The indicators not met, by the scoring rule's own test (DESIGN §4): a quantitative one whose
 * actual misses its target, a qualitative one graded other than 达成. The pack summary counts these.
 */
export function unmetIndicators(form: Form): UnmetIndicator[] {
  const unmet: UnmetIndicator[] = [];
  for (const indicator of form.indicators) {
    let met: boolean;
    if (indicator.nature === '定性') met = indicator.grade === '达成';
    else {
      const target = parseIndicatorValue(indicator.target);
      const actual = parseIndicatorValue(indicator.actual);
      met = target !== null && actual !== null && isTargetMet(indicator.nature, target, actual);
    }
    if (met) continue;
    unmet.push({
      name: indicator.name,
      nature: indicator.nature,
      target: String(indicator.target ?? ''),
      actual: String(indicator.actual ?? ''),
      grade: 'grade' in indicator && indicator.grade ? String(indicator.grade) : '',
      reason: indicator.note ?? '',
    });
  }
  return unmet;
}
