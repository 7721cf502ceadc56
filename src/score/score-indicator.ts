import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { IndicatorData, ProfileOptionsData } from '../load/form-schema.js';
import type { PrintedIndicator } from './printed-form.js';
import { printTrim } from './print-trim.js';
import { qualitativeCoefficient } from './qualitative-coefficient.js';
import { quantitativeCoefficient } from './quantitative-coefficient.js';
import { quantitativeDeviation } from './quantitative-deviation.js';
import { round2 } from './round2.js';
import { readQuantitativeValues } from './read-quantitative-values.js';
import { ScoreCode } from './score-code.js';
import { ScoreDecimal } from './score-decimal.js';

export interface ScoredIndicator {
  printed: PrintedIndicator;
  diagnostics: UnlocatedDiagnostic[];
}

/** |偏离度| above this needs a 说明 (DESIGN §4). */
const NOTE_THRESHOLD = 30;

/**
 * One 绩效指标 row (DESIGN §4): 偏离度, 得分系数, 指标权重, 指标得分 as printed.
 * 得分 is computed from the printed (ROUNDed) 得分系数. A value that cannot be computed
 * prints blank and comes with an error diagnostic; nothing throws.
 */
export function scoreIndicator(indicator: IndicatorData, index: number, profile: ProfileOptionsData): ScoredIndicator {
  const path = `indicators[${index}]`;
  const diagnostics: UnlocatedDiagnostic[] = [];
  let deviation: Decimal | null = null;
  let coefficient: Decimal | null = null;

  if (indicator.nature === '定性') {
    const qualitative = qualitativeCoefficient(indicator, path);
    diagnostics.push(...qualitative.diagnostics);
    deviation = new ScoreDecimal(0);
    coefficient = qualitative.coefficient;
  } else {
    const values = readQuantitativeValues(indicator, path, { target: '指标值', actual: '全年完成值' });
    diagnostics.push(...values.diagnostics);
    const { target, actual } = values;
    if (target !== null && actual !== null) {
      const rawDeviation = quantitativeDeviation(indicator.nature, target, actual);
      deviation = rawDeviation === null ? null : round2(rawDeviation);
      coefficient = round2(quantitativeCoefficient(indicator.nature, target, actual, profile.reverseMissed));
    }
  }

  const weight = new ScoreDecimal(indicator.weight);
  const score = coefficient === null ? null : round2(weight.times(coefficient).div(100));

  if (profile.deviationNote && deviation !== null && deviation.abs().gt(NOTE_THRESHOLD) && indicator.note.trim() === '') {
    diagnostics.push({
      code: ScoreCode.DEVIATION_NOTE,
      severity: 'warning',
      message: `偏离度 ${printTrim(deviation)}% 超过 ±${NOTE_THRESHOLD}%，但未填写说明`,
      path: `${path}.note`,
      hint: '请在 note 中说明偏离原因',
    });
  }

  return {
    printed: {
      name: indicator.name,
      deviation: deviation === null ? '' : printTrim(deviation),
      coefficient: coefficient === null ? '' : printTrim(coefficient),
      weight: printTrim(weight),
      score: score === null ? '' : printTrim(score),
    },
    diagnostics,
  };
}
