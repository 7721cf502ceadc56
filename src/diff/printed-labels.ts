import type { PrintedFundsRow, PrintedIndicator } from '../score/index.js';
import type { LabelTable } from './label-table.js';

const FUNDS = {
  row: '行名',
  initial: '年初预算数',
  adjusted: '全年（调整）预算数',
  executed: '全年执行数',
  rate: '执行率',
  rateWeight: '执行率权重',
  rateScore: '执行率得分',
} as const satisfies Record<Exclude<keyof PrintedFundsRow, 'kind'>, string>;

const INDICATOR = {
  name: '指标名称',
  deviation: '偏离度',
  coefficient: '得分系数',
  weight: '指标权重',
  score: '指标得分',
} as const satisfies Record<keyof PrintedIndicator, string>;

const prefixed = (prefix: string, titles: Record<string, string>) =>
  Object.fromEntries(Object.entries(titles).map(([key, title]) => [`${prefix}.${key}`, title]));

/**
 * Chinese names of every printed value (the `satisfies` clauses make the compiler flag a
 * PrintedForm field this table forgot).
 */
export const PrintedLabels: LabelTable = {
  rows: {
    'funds[]': { nameKey: 'row', label: (_, row) => `资金情况「${row}」` },
    'indicators[]': { nameKey: 'name', label: (index, name) => `第${index + 1}个指标「${name}」` },
  },
  fields: {
    selfScore: '自评总分',
    ...prefixed('funds[]', FUNDS),
    ...prefixed('indicators[]', INDICATOR),
  },
};
