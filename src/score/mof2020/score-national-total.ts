import type { Decimal } from 'decimal.js';
import type { UnlocatedDiagnostic } from '../../diagnostics/diagnostic.js';
import { printTrim } from '../print-trim.js';
import { round2 } from '../round2.js';
import { ScoreCode } from '../score-code.js';
import { ScoreDecimal } from '../score-decimal.js';

export interface NationalTotalInput {
  /** 执行率的分值 as written. */
  rateWeight: Decimal;
  /** The printed 执行率得分 ('' when it could not be computed). */
  rateScore: string;
  indicators: { weight: Decimal; score: Decimal | null }[];
}

export interface ScoredNationalTotal {
  /** The 总分 row's 分值, TRIM. */
  totalWeight: string;
  /** 总分, ROUND, TRIM; '' when a value it depends on is blank. */
  total: string;
  diagnostics: UnlocatedDiagnostic[];
}

/**
 * 总分 (mof2020) = 执行率得分 + Σ得分, no scaling: the form's 分值 add up to 100 (a warning
 * says when they do not). The 得分 are already ROUNDed, so the sum is what a reader adds up.
 */
export function scoreNationalTotal(input: NationalTotalInput): ScoredNationalTotal {
  const diagnostics: UnlocatedDiagnostic[] = [];
  const weightSum = input.indicators.reduce((sum, row) => sum.plus(row.weight), new ScoreDecimal(input.rateWeight));
  if (!weightSum.eq(100)) {
    diagnostics.push({
      code: ScoreCode.WEIGHT_SUM,
      severity: 'warning',
      message: `执行率分值与指标分值合计为 ${printTrim(weightSum)}，应为 100`,
      path: 'indicators',
    });
  }
  const scores = input.indicators.map((row) => row.score);
  if (input.rateScore === '' || scores.some((score) => score === null)) return { totalWeight: printTrim(weightSum), total: '', diagnostics };
  const total = scores.reduce((sum: Decimal, score) => sum.plus(score!), new ScoreDecimal(input.rateScore));
  return { totalWeight: printTrim(weightSum), total: printTrim(round2(total)), diagnostics };
}
