import { PrintedFundsColumn, PrintedIndicatorColumn } from '../score/printed-form.js';
import type { LabelTable } from './label-table.js';

const FUNDS = { row: '行名', ...PrintedFundsColumn } as const;
const INDICATOR = PrintedIndicatorColumn;

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
