import type { UnlocatedDiagnostic } from '../../diagnostics/diagnostic.js';
import type { NationalForm, NationalFundsAmountsData } from '../../load/form-schema.js';
import type { PrintedFundsRow } from '../printed-form.js';
import { printTrim } from '../print-trim.js';
import { round2 } from '../round2.js';
import { ScoreCode } from '../score-code.js';
import { ScoreDecimal } from '../score-decimal.js';
import { NationalFundsRowLabel } from './national-funds-row-label.js';
import { printWanYuan } from './print-wan-yuan.js';

export interface ScoredNationalFunds {
  /** 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金, in that order. */
  rows: PrintedFundsRow[];
  diagnostics: UnlocatedDiagnostic[];
}

type RowKind = keyof typeof NationalFundsRowLabel;
const ROW_KINDS = Object.keys(NationalFundsRowLabel) as RowKind[];
const AMOUNT_KEYS = ['initial', 'adjusted', 'executed'] as const;
const AMOUNT_TITLE = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;

/**
 * 项目资金 (mof2020): amounts in 万元; on 年度资金总额 only, 分值 (TRIM), 执行率 = 全年执行数 ÷
 * 全年预算数 (ROUND, TRIM, with %), and 得分 = 分值 × min(执行率, 100%) from the printed 执行率
 * (ROUND, TRIM) so it can be re-checked by hand. A row not given prints blank amounts.
 */
export function scoreNationalFunds(
  funds: NationalForm['funds'],
  printUnit: NationalForm['funds']['unit'] = '万元',
  labels: Partial<Record<string, string>> = {},
  omittedRows: readonly string[] = [],
): ScoredNationalFunds {
  const diagnostics: UnlocatedDiagnostic[] = [];
  // An amount the format omits (四川 has no 年初预算数) prints blank.
  const print = (amount: NationalFundsAmountsData['initial'] | undefined) => (amount === undefined ? '' : printWanYuan(amount, funds.unit, printUnit));
  const rows = ROW_KINDS.filter((kind) => !omittedRows.includes(kind)).map((kind): PrintedFundsRow => {
    const amounts: NationalFundsAmountsData | undefined = funds[kind];
    const label = labels[kind] ?? NationalFundsRowLabel[kind];
    if (amounts === undefined) return { row: label, kind, initial: '', adjusted: '', executed: '' };
    const row: PrintedFundsRow = {
      row: label,
      kind,
      initial: print(amounts.initial),
      adjusted: print(amounts.adjusted),
      executed: print(amounts.executed),
    };
    if (amounts.executed.gt(amounts.adjusted)) {
      diagnostics.push({
        code: ScoreCode.OVER_EXECUTED,
        severity: 'warning',
        message: `${label}：全年执行数 ${row.executed} 超过全年预算数 ${row.adjusted}（${printUnit}）`,
        path: `funds.${kind}.executed`,
      });
    }
    if (kind !== 'total') return row;

    const adjusted = new ScoreDecimal(amounts.adjusted);
    const rate = adjusted.isZero() ? null : round2(new ScoreDecimal(amounts.executed).div(adjusted).times(100));
    if (rate === null) {
      diagnostics.push({
        code: ScoreCode.ZERO_ADJUSTED,
        severity: 'error',
        message: `${label}的全年预算数为 0，无法计算执行率`,
        path: 'funds.total.adjusted',
        hint: '请填写全年预算数',
      });
    }
    const weight = new ScoreDecimal(funds.rateWeight);
    row.rateWeight = printTrim(weight);
    row.rate = rate === null ? '' : `${printTrim(rate)}%`;
    row.rateScore = rate === null ? '' : printTrim(round2(weight.times(ScoreDecimal.min(rate, 100)).div(100)));
    return row;
  });

  // 年度资金总额 is the sum of the rows under it, column by column (absent rows count 0).
  const partsText = ROW_KINDS.slice(1).filter((kind) => !omittedRows.includes(kind)).map((kind) => (labels[kind] ?? NationalFundsRowLabel[kind]).replace(/^其中：/, '')).join('、').replace(/、([^、]*)$/, '与$1');
  for (const key of AMOUNT_KEYS) {
    if (funds.total[key] === undefined) continue;
    const parts = ROW_KINDS.slice(1).reduce((sum, kind) => sum.plus(funds[kind]?.[key] ?? 0), new ScoreDecimal(0));
    if (!parts.eq(funds.total[key])) {
      diagnostics.push({
        code: ScoreCode.FUNDS_SUM,
        severity: 'warning',
        message: `${AMOUNT_TITLE[key]}：年度资金总额 ${print(funds.total[key])} 不等于${partsText}之和 ${print(parts)}（${printUnit}）`,
        path: `funds.total.${key}`,
      });
    }
  }
  return { rows, diagnostics };
}
