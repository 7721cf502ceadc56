import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { ProfileOptionsData } from '../load/form-schema.js';
import type { PrintedIndicator } from './printed-form.js';
import { printFix2 } from './print-fix2.js';
import { printTrim } from './print-trim.js';
import { round2 } from './round2.js';
import { ScoreCode } from './score-code.js';
import { ScoreDecimal } from './score-decimal.js';

export interface TotalInput {
  /** 执行率权重 as written. */
  rateWeight: Decimal;
  /** The printed 执行率得分 ('' when it could not be computed). */
  rateScore: string;
  /** The printed indicator rows; their 指标权重 and 指标得分 strings are summed. */
  indicators: PrintedIndicator[];
  total: ProfileOptionsData['total'];
}

export interface ScoredTotal {
  /** 自评总分, FIX2; '' when a value it depends on is blank or invalid. */
  selfScore: string;
  diagnostics: UnlocatedDiagnostic[];
}

/** The weight sums the official forms use: 二级项目 90, 部门整体 100 (DESIGN §4). */
const EXPECTED_WEIGHT_SUMS = ['90', '100'];

/**
 * 自评总分 (DESIGN §4) from the printed values: 执行率得分 + Σ指标得分 × (100 − 执行率权重) ÷ Σ权重,
 * ROUND, FIX2 — so 部门整体 weights summing to 100 are scaled to the 90 left after 执行率.
 * Profile `total: sum` gives min(100, 执行率得分 + Σ指标得分).
 */
export function scoreTotal(input: TotalInput): ScoredTotal {
  const diagnostics: UnlocatedDiagnostic[] = [];
  const rateWeight = new ScoreDecimal(input.rateWeight);
  const weightSum = input.indicators.reduce((sum, row) => sum.plus(row.weight), new ScoreDecimal(0));

  if (rateWeight.gt(100)) {
    diagnostics.push({
      code: ScoreCode.RATE_WEIGHT_RANGE,
      severity: 'error',
      message: `执行率权重 ${printTrim(rateWeight)} 超过 100`,
      path: 'funds.rateWeight',
      hint: '执行率权重通常为 10',
    });
  }
  if (weightSum.isZero()) {
    diagnostics.push({
      code: ScoreCode.WEIGHT_SUM_ZERO,
      severity: 'error',
      message: '指标权重合计为 0，无法计算自评总分',
      path: 'indicators',
      hint: '请填写各指标的权重',
    });
  } else if (!EXPECTED_WEIGHT_SUMS.some((expected) => weightSum.eq(expected))) {
    diagnostics.push({
      code: ScoreCode.WEIGHT_SUM,
      severity: 'warning',
      message: `指标权重合计为 ${printTrim(weightSum)}，应为 90（二级项目）或 100（部门整体）`,
      path: 'indicators',
    });
  }

  const blank = input.rateScore === '' || input.indicators.some((row) => row.score === '');
  if (blank || diagnostics.some((d) => d.severity === 'error')) return { selfScore: '', diagnostics };

  const rateScore = new ScoreDecimal(input.rateScore);
  const scoreSum = input.indicators.reduce((sum, row) => sum.plus(row.score), new ScoreDecimal(0));
  const selfScore =
    input.total === 'sum'
      ? ScoreDecimal.min(100, rateScore.plus(scoreSum))
      : rateScore.plus(scoreSum.times(new ScoreDecimal(100).minus(rateWeight)).div(weightSum));
  return { selfScore: printFix2(round2(selfScore)), diagnostics };
}
