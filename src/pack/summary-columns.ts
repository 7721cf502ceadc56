import type { SummaryFunds, SummaryRow } from './summary-row.js';

export interface SummaryColumn {
  header: string;
  /** What the column holds, for the workbook's 说明 sheet. */
  definition: string;
  value: (row: SummaryRow) => string | number;
  /**
   * How the value is written: text; an amount (元, `#,##0.00`); a printed number (its format
   * keeps the printed decimals: `97.8`, `100.00`, `96.94`); a count. `funds` names the amount
   * group a numeric column belongs to, so a subtotal's 执行率 formula finds its amounts.
   */
  type: 'text' | 'amount' | 'printed' | 'count';
  funds?: { group: 'total' | 'fiscal'; field: keyof SummaryFunds };
  width: number;
}

const TOTAL = '年度资金总额';
const FISCAL = '其中：财政拨款';
const ROWS = {
  total: '部门整体、二级项目取“年度总金额”行，项目支出取“年度资金总额”行',
  fiscal: '部门整体、二级项目取“其中：财政拨款”行，项目支出取“其中：当年财政拨款”行（不含上年结转资金、其他资金）',
};
const FIELDS: Record<keyof SummaryFunds, { header: string; definition: string }> = {
  initial: { header: '年初预算数（元）', definition: '年初预算数，元（项目支出印万元，折成元）' },
  adjusted: { header: '全年（调整）预算数（元）', definition: '全年（调整）预算数（项目支出：全年预算数），元' },
  executed: { header: '全年执行数（元）', definition: '全年执行数，元' },
  rate: { header: '执行率（%）', definition: '执行率，照表上所印；表上该行不印执行率则空。小计、合计行为其金额之比（四舍五入两位），仅当所加各行都印执行率时给出' },
};

function fundsColumns(group: 'total' | 'fiscal'): SummaryColumn[] {
  const label = group === 'total' ? TOTAL : FISCAL;
  return (Object.keys(FIELDS) as (keyof SummaryFunds)[]).map((field) => ({
    header: `${label}·${FIELDS[field].header}`,
    definition: `${FIELDS[field].definition}。${ROWS[group]}；表上无该行则空`,
    value: (row: SummaryRow) => row[group][field],
    type: field === 'rate' ? 'printed' : 'amount',
    funds: { group, field },
    width: field === 'rate' ? 14 : 20,
  }));
}

/**
 * The summary's columns, shared by the workbook and the CSV so the two never disagree. Each
 * amount column has one definition for every form (DESIGN §4, §5): the year's total funds,
 * and of them the fiscal appropriation, in 元.
 */
export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { header: '部门', definition: '项目主管部门', value: (row) => row.department, type: 'text', width: 30 },
  { header: '表单类型', definition: '部门整体、二级项目、项目支出；部门整体小计、项目小计（本部门）；部门整体合计、项目合计（全年）。部门整体与项目分开相加：部门整体的资金已含本部门项目', value: (row) => row.form, type: 'text', width: 12 },
  { header: '项目编码', definition: '项目编码', value: (row) => row.code, type: 'text', width: 24 },
  { header: '项目名称', definition: '项目名称；小计、合计行为所加表单数', value: (row) => row.name, type: 'text', width: 36 },
  ...fundsColumns('total'),
  ...fundsColumns('fiscal'),
  { header: '自评总分', definition: '自评总分（项目支出：总分），照表上所印', value: (row) => row.selfScore, type: 'printed', width: 10 },
  { header: '未达成指标数', definition: '未达成的指标数：定量指标实际完成值未达指标值，定性指标未评“达成”', value: (row) => row.unmet, type: 'count', width: 12 },
  { header: '警告数', definition: 'ziping check 给出的警告数', value: (row) => row.warnings, type: 'count', width: 8 },
  { header: '源文件', definition: '表单的 YAML 源文件', value: (row) => row.file, type: 'text', width: 40 },
];
