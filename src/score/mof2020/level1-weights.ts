import type { Decimal } from 'decimal.js';
import type { NationalIndicatorData } from '../../load/form-schema.js';
import { printTrim } from '../print-trim.js';
import { ScoreDecimal } from '../score-decimal.js';

/** Σ分值 of each 一级指标, in the order the groups first appear (the loader keeps them contiguous). */
export function level1Weights(indicators: readonly NationalIndicatorData[]): { level1: string; weight: string }[] {
  const sums = new Map<string, Decimal>();
  for (const indicator of indicators) sums.set(indicator.level1, (sums.get(indicator.level1) ?? new ScoreDecimal(0)).plus(indicator.weight));
  return [...sums].map(([level1, weight]) => ({ level1, weight: printTrim(weight) }));
}
