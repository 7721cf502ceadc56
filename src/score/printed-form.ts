/**
 * Every computed value of a form, as the exact string the form prints.
 * This is also the `printed` object of `ziping check --json` (DESIGN §8) and the shape
 * that `reported:` values in the YAML are compared against.
 */
export interface PrintedFundsRow {
  /** Row label as printed: 年度总金额, 其中：财政拨款, or the source's name (mof2020: 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
  row: string;
  /** carryOver and other: the mof2020 rows 上年结转资金 and 其他资金. */
  kind: 'total' | 'fiscal' | 'source' | 'carryOver' | 'other';
  initial: string;
  adjusted: string;
  executed: string;
  /** cq2023: absent on the 年度总金额 row; mof2020: only on it. '' when adjusted = 0. */
  rate?: string;
  /** cq2023: only on the 财政拨款 row; mof2020: only on the 年度资金总额 row. */
  rateWeight?: string;
  rateScore?: string;
}

export interface PrintedIndicator {
  name: string;
  deviation: string;
  coefficient: string;
  weight: string;
  score: string;
}

export interface PrintedForm {
  /** 自评总分 (cq2023) or 总分 (mof2020). */
  selfScore: string;
  funds: PrintedFundsRow[];
  /** mof2020 prints no 偏离度/得分系数: those are '' there. */
  indicators: PrintedIndicator[];
  /** mof2020 only: the 总分 row's 分值 (执行率分值 + Σ指标分值; 100 on a well-formed form). */
  totalWeight?: string;
  /** mof2020 only: Σ分值 of each 一级指标, in form order; printed in its merged cell (产出指标（50分）) only under the template option level1Points. */
  level1Weights?: { level1: string; weight: string }[];
}

/** Printed labels of the fixed funds rows (full-width punctuation, as the official form). */
export const FundsRowLabel = {
  total: '年度总金额',
  fiscal: '其中：财政拨款',
} as const;

/** Column heads of the printed values on the Chongqing form, for messages about them. */
export const PrintedFundsColumn = {
  initial: '年初预算数',
  adjusted: '全年（调整）预算数',
  executed: '全年执行数',
  rate: '执行率',
  rateWeight: '执行率权重',
  rateScore: '执行率得分',
} as const satisfies Record<Exclude<keyof PrintedFundsRow, 'kind' | 'row'>, string>;

export const PrintedIndicatorColumn = {
  name: '指标名称',
  deviation: '偏离度',
  coefficient: '得分系数',
  weight: '指标权重',
  score: '指标得分',
} as const satisfies Record<keyof PrintedIndicator, string>;
