import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { IndicatorData } from '../load/form-schema.js';
import { parseIndicatorValue } from './parse-indicator-value.js';
import { ScoreCode } from './score-code.js';

export interface QuantitativeValues {
  /** null when the text is not a number (with an error diagnostic). */
  target: Decimal | null;
  actual: Decimal | null;
  diagnostics: UnlocatedDiagnostic[];
}

/**
 * The 指标值 and 完成值 of a quantitative row as decimals, shared by every profile: a given
 * 得分系数 is ignored (warning), a value that is not a number is an error naming the
 * column as the form labels it (`labels`).
 */
export function readQuantitativeValues(
  indicator: Pick<IndicatorData, 'nature' | 'target' | 'actual' | 'coefficient'>,
  path: string,
  labels: { target: string; actual: string },
): QuantitativeValues {
  const diagnostics: UnlocatedDiagnostic[] = [];
  if (indicator.coefficient !== undefined) {
    diagnostics.push({
      code: ScoreCode.COEFFICIENT_IGNORED,
      severity: 'warning',
      message: `定量指标的得分由${labels.target}和${labels.actual}计算，填写的得分系数已忽略`,
      path: `${path}.coefficient`,
      hint: '删除 coefficient，或将指标性质改为 定性',
    });
  }
  const target = parseIndicatorValue(indicator.target);
  const actual = parseIndicatorValue(indicator.actual);
  for (const [field, label, value, text] of [
    ['target', labels.target, target, indicator.target],
    ['actual', labels.actual, actual, indicator.actual],
  ] as const) {
    if (value === null) {
      diagnostics.push({
        code: ScoreCode.INDICATOR_VALUE,
        severity: 'error',
        message: `${label}“${text}”不是数字，无法按“${indicator.nature}”计分`,
        path: `${path}.${field}`,
        hint: '定量指标的指标值和完成值应为数字；文字指标请将性质改为 定性',
      });
    }
  }
  return { target, actual, diagnostics };
}
