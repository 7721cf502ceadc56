import type { PrintedForm, PrintedFundsRow, PrintedIndicator } from '../score/index.js';
import type { LabelTable } from './label-table.js';

const FUNDS = {
  row: '行名',
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
  rate: '执行率',
  rateWeight: '分值',
  rateScore: '得分',
} as const satisfies Record<Exclude<keyof PrintedFundsRow, 'kind'>, string>;

/** 偏离度 and 得分系数 are not printed on this form (always ''), so they never change; named all the same. */
const INDICATOR = {
  name: '三级指标',
  deviation: '偏离度',
  coefficient: '得分系数',
  weight: '分值',
  score: '得分',
} as const satisfies Record<keyof PrintedIndicator, string>;

const LEVEL1 = { level1: '一级指标', weight: '分值' } as const satisfies Record<keyof NonNullable<PrintedForm['level1Weights']>[number], string>;

const prefixed = (prefix: string, titles: Record<string, string>) =>
  Object.fromEntries(Object.entries(titles).map(([key, title]) => [`${prefix}.${key}`, title]));

/**
 * Chinese names of every printed value of a 项目支出 form, in the form's reading order: the
 * funds rows (上年结转资金 and 其他资金 named by their printed `row`), each 一级指标's Σ分值 (in
 * its merged cell when the template's level1Points option prints it), the indicators, and the
 * 总分 row (分值, then 总分).
 */
export const NationalPrintedLabels: LabelTable = {
  rows: {
    'funds[]': { nameKey: 'row', label: (_, row) => `项目资金「${row}」` },
    'level1Weights[]': { nameKey: 'level1', label: (_, level1) => `一级指标「${level1}」` },
    'indicators[]': { nameKey: 'name', label: (index, name) => `第${index + 1}个指标「${name}」` },
  },
  fields: {
    ...prefixed('funds[]', FUNDS),
    ...prefixed('level1Weights[]', LEVEL1),
    ...prefixed('indicators[]', INDICATOR),
    totalWeight: '总分行的分值',
    selfScore: '总分',
  } satisfies Record<Exclude<keyof PrintedForm, 'funds' | 'indicators' | 'level1Weights'>, string> & Record<string, string>,
};
