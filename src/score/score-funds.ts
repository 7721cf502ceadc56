import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { ChongqingForm, FundsAmountsData } from '../load/form-schema.js';
import { FundsRowLabel, type PrintedFundsRow } from './printed-form.js';
import { printAmount } from './print-amount.js';
import { printFix2 } from './print-fix2.js';
import { printTrim } from './print-trim.js';
import { round2 } from './round2.js';
import { ScoreCode } from './score-code.js';
import { ScoreDecimal } from './score-decimal.js';

export interface ScoredFunds {
  /** 年度总金额, 其中：财政拨款, then each source, in that order. */
  rows: PrintedFundsRow[];
  diagnostics: UnlocatedDiagnostic[];
}

/**
 * 资金情况 (DESIGN §4): amounts FIX2 with separators; 执行率 ROUND+TRIM on the 财政拨款 and
 * source rows; 执行率权重 FIX2 and 执行率得分 (from the printed 执行率, capped at 100) on the
 * 财政拨款 row only.
 */
export function scoreFunds(funds: ChongqingForm['funds'], labels: Partial<Record<string, string>> = {}): ScoredFunds {
  const diagnostics: UnlocatedDiagnostic[] = [];
  const entries: { kind: PrintedFundsRow['kind']; label: string; path: string; amounts: FundsAmountsData }[] = [
    { kind: 'total', label: labels.total ?? FundsRowLabel.total, path: 'funds.total', amounts: funds.total },
    { kind: 'fiscal', label: labels.fiscal ?? FundsRowLabel.fiscal, path: 'funds.fiscal', amounts: funds.fiscal },
    ...funds.sources.map((source, index) => ({
      kind: 'source' as const,
      label: source.name,
      path: `funds.sources[${index}]`,
      amounts: source,
    })),
  ];

  const rows = entries.map(({ kind, label, path, amounts }): PrintedFundsRow => {
    const adjusted = new ScoreDecimal(amounts.adjusted);
    const executed = new ScoreDecimal(amounts.executed);
    const row: PrintedFundsRow = {
      row: label,
      kind,
      initial: printAmount(amounts.initial),
      adjusted: printAmount(adjusted),
      executed: printAmount(executed),
    };
    if (executed.gt(adjusted)) {
      diagnostics.push({
        code: ScoreCode.OVER_EXECUTED,
        severity: 'warning',
        message: `${label}：全年执行数 ${printAmount(executed)} 超过全年（调整）预算数 ${printAmount(adjusted)}`,
        path: `${path}.executed`,
      });
    }
    if (kind === 'total') return row;

    const rate = adjusted.isZero() ? null : round2(executed.div(adjusted).times(100));
    row.rate = rate === null ? '' : printTrim(rate);
    if (kind === 'source') return row;

    if (rate === null) {
      diagnostics.push({
        code: ScoreCode.ZERO_ADJUSTED,
        severity: 'error',
        message: `${label}的全年（调整）预算数为 0，无法计算执行率`,
        path: `${path}.adjusted`,
        hint: '请填写全年（调整）预算数',
      });
    }
    const rateWeight = new ScoreDecimal(funds.rateWeight);
    row.rateWeight = printFix2(rateWeight);
    // From the printed rate, so a reader can re-check 执行率得分 by hand (DESIGN §4).
    row.rateScore =
      rate === null ? '' : printFix2(round2(rateWeight.times(ScoreDecimal.min(rate, 100)).div(100)));
    return row;
  });

  return { rows, diagnostics };
}
