import { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { badNumberReason } from './bad-number-reason.js';
import { DECIMAL_TEXT } from './decimal-text-pattern.js';
import { shownText } from './shown-text.js';
import { splitNumberUnit } from './split-number-unit.js';
import { GradeCoefficientBand } from './grade-coefficient-band.js';
import { LoadCode } from './load-code.js';

const QUANTITATIVE_NATURES: readonly unknown[] = ['≥', '≤', '='];

/**
 * The rules between an indicator's fields (DESIGN §4): quantitative target/actual are numbers;
 * 定性 needs a grade, and a coefficient inside the grade's band (required below 达成).
 * Runs on data that may have failed elsewhere, so every value is type-checked first.
 */
export function checkIndicatorRules(indicator: unknown, path: readonly PropertyKey[], ctx: z.core.$RefinementCtx): void {
  if (indicator === null || typeof indicator !== 'object') return;
  const { nature, grade, coefficient } = indicator as Record<string, unknown>;
  const add = (key: string, code: string, message: string, hint: string) =>
    ctx.addIssue({ code: 'custom', path: [...path, key], message, params: { code, hint }, input: indicator });

  if (QUANTITATIVE_NATURES.includes(nature)) {
    for (const key of ['target', 'actual'] as const) {
      const text = (indicator as Record<string, unknown>)[key];
      if (typeof text !== 'string' || DECIMAL_TEXT.test(text.trim())) continue;
      const reason = badNumberReason(text.trim());
      const split = splitNumberUnit(text.trim());
      add(
        key,
        LoadCode.NUMBER,
        `“${shownText(text)}”不是数字${reason ? `（${reason}）` : ''}，定量指标（${String(nature)}）须填数字`,
        split
          ? `计量单位写在 unit 中，这里只写数字：${key}: ${split.number}`
          : '定量指标的指标值和完成值须为数字；文字目标请把指标性质写为 定性',
      );
    }
    return;
  }
  if (nature !== '定性') return;
  if (grade === undefined) {
    add('grade', LoadCode.GRADE_REQUIRED, '定性指标须填写等级', 'grade: 达成、部分达成 或 未达成');
    return;
  }
  const band = GradeCoefficientBand[grade as keyof typeof GradeCoefficientBand];
  if (band === undefined) return;
  if (coefficient === undefined) {
    if (band.required) add('coefficient', LoadCode.COEFFICIENT_REQUIRED, `等级为“${String(grade)}”时须填写得分系数`, `得分系数范围 ${band.text}`);
    return;
  }
  if (!(coefficient instanceof Decimal)) return;
  // The band holds for the printed (ROUNDed) value, as the score stage checks it.
  const printed = coefficient.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const inBand = printed.gte(band.min) && (band.maxInclusive ? printed.lte(band.max) : printed.lt(band.max));
  if (!inBand) {
    add('coefficient', LoadCode.COEFFICIENT_BAND, `${coefficient.toString()} 不在“${String(grade)}”的范围 ${band.text} 内`, '请调整得分系数或等级');
  }
}
