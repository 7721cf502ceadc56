import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../../diagnostics/diagnostic.js';
import type { NationalIndicatorData } from '../../load/form-schema.js';
import type { PrintedIndicator } from '../printed-form.js';
import { printTrim } from '../print-trim.js';
import { qualitativeCoefficient } from '../qualitative-coefficient.js';
import { quantitativeCoefficient } from '../quantitative-coefficient.js';
import { round2 } from '../round2.js';
import { readQuantitativeValues } from '../read-quantitative-values.js';
import { ScoreCode } from '../score-code.js';
import { ScoreDecimal } from '../score-decimal.js';

export interface ScoredNationalIndicator {
  /** 偏离度 and 得分系数 are not on the national form: they print ''. */
  printed: PrintedIndicator;
  /** The 得分 as a number (null when it could not be computed), for the 总分. */
  score: Decimal | null;
  diagnostics: UnlocatedDiagnostic[];
}

/**
 * One 三级指标 row (mof2020): full 分值 when met; missed, 完成值 ÷ 指标值 × 分值 (`≥`),
 * 指标值 ÷ 完成值 × 分值 (`≤`), min ÷ max × 分值 (`=`); 定性 by grade band as cq2023.
 * 得分 is ROUNDed once and printed TRIM. Nothing throws: a value that cannot be computed
 * prints blank and comes with an error diagnostic.
 */
export function scoreNationalIndicator(indicator: NationalIndicatorData, index: number): ScoredNationalIndicator {
  const path = `indicators[${index}]`;
  const diagnostics: UnlocatedDiagnostic[] = [];
  let coefficient: Decimal | null = null;

  if (indicator.nature === '定性') {
    const qualitative = qualitativeCoefficient(indicator, path);
    diagnostics.push(...qualitative.diagnostics);
    coefficient = qualitative.coefficient;
  } else {
    const values = readQuantitativeValues(indicator, path, { target: '年度指标值', actual: '实际完成值' });
    diagnostics.push(...values.diagnostics);
    const { target, actual } = values;
    // The ratio is not rounded before it scales the 分值: the national form prints no 得分系数.
    if (target !== null && actual !== null) coefficient = quantitativeCoefficient(indicator.nature, target, actual, 'ratio');
  }

  const weight = new ScoreDecimal(indicator.weight);
  const score = coefficient === null ? null : round2(weight.times(coefficient).div(100));
  if (score !== null && score.lt(weight) && indicator.note.trim() === '') {
    diagnostics.push({
      code: ScoreCode.MISSED_NOTE,
      severity: 'warning',
      message: `得分 ${printTrim(score)} 低于分值 ${printTrim(weight)}，但未填写偏差原因分析及改进措施`,
      path: `${path}.note`,
      hint: '请在 note 中说明偏差原因和改进措施',
    });
  }
  return {
    printed: { name: indicator.name, deviation: '', coefficient: '', weight: printTrim(weight), score: score === null ? '' : printTrim(score) },
    score,
    diagnostics,
  };
}
