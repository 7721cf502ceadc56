import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { IndicatorData } from '../load/form-schema.js';
import { GradeCoefficientBand } from '../load/grade-coefficient-band.js';
import { printTrim } from './print-trim.js';
import { round2 } from './round2.js';
import { ScoreCode } from './score-code.js';
import { ScoreDecimal } from './score-decimal.js';

export interface QualitativeCoefficient {
  /** The ROUNDed 得分系数, or null when the grade/coefficient is in error. */
  coefficient: Decimal | null;
  diagnostics: UnlocatedDiagnostic[];
}

/**
 * 得分系数 of a 定性 indicator from its grade (DESIGN §4). The band is checked on the
 * rounded value, the one printed, so `79.995` for 部分达成 (printed 80) is out of band.
 */
export function qualitativeCoefficient(indicator: Pick<IndicatorData, 'name' | 'grade' | 'coefficient'>, path: string): QualitativeCoefficient {
  const { grade } = indicator;
  if (grade === undefined) {
    return fail({
      code: ScoreCode.GRADE_REQUIRED,
      severity: 'error',
      message: `定性指标“${indicator.name}”未填写等级`,
      path: `${path}.grade`,
      hint: '请填写 grade：达成、部分达成 或 未达成',
    });
  }
  const band = GradeCoefficientBand[grade];
  // 达成 defaults to full marks; the other grades must say how far they got.
  const given = indicator.coefficient ?? (band.required ? undefined : new ScoreDecimal(100));
  if (given === undefined) {
    return fail({
      code: ScoreCode.COEFFICIENT_REQUIRED,
      severity: 'error',
      message: `定性指标“${indicator.name}”评为${grade}，须填写得分系数`,
      path: `${path}.coefficient`,
      hint: `请填写 coefficient，范围 ${band.text}`,
    });
  }
  const coefficient = round2(new ScoreDecimal(given));
  const aboveMin = coefficient.gte(band.min);
  const belowMax = band.maxInclusive ? coefficient.lte(band.max) : coefficient.lt(band.max);
  if (!aboveMin || !belowMax) {
    return fail({
      code: ScoreCode.COEFFICIENT_BAND,
      severity: 'error',
      message: `得分系数 ${printTrim(coefficient)} 不在“${grade}”的范围 ${band.text} 内`,
      path: `${path}.coefficient`,
      hint: '请调整得分系数或等级',
    });
  }
  return { coefficient, diagnostics: [] };
}

function fail(diagnostic: UnlocatedDiagnostic): QualitativeCoefficient {
  return { coefficient: null, diagnostics: [diagnostic] };
}
