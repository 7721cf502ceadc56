import type { SummaryRow } from './summary-row.js';

export interface SummaryColumn {
  header: string;
  key: keyof SummaryRow;
  /** How the value is written: text, an exact decimal, or a count. */
  type: 'text' | 'decimal' | 'count';
  /** Excel number format of a numeric column. */
  numFmt?: string;
  width: number;
}

/**
 * The summary's columns, shared by the workbook and the CSV so the two never disagree. The
 * amounts are 元 for every form: those of 项目支出 forms (printed in 万元) are converted, see
 * summaryRows; `全年（调整）预算数` is that form's 全年预算数, `自评总分` its 总分.
 */
export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { header: '部门', key: 'department', type: 'text', width: 30 },
  { header: '表单类型', key: 'form', type: 'text', width: 10 },
  { header: '项目编码', key: 'code', type: 'text', width: 24 },
  { header: '项目名称', key: 'name', type: 'text', width: 36 },
  { header: '年初预算数（元）', key: 'initial', type: 'decimal', numFmt: '#,##0.00', width: 18 },
  { header: '全年（调整）预算数（元）', key: 'adjusted', type: 'decimal', numFmt: '#,##0.00', width: 20 },
  { header: '全年执行数（元）', key: 'executed', type: 'decimal', numFmt: '#,##0.00', width: 18 },
  { header: '执行率（%）', key: 'rate', type: 'decimal', numFmt: '0.00', width: 11 },
  { header: '自评总分', key: 'selfScore', type: 'decimal', numFmt: '0.00', width: 10 },
  { header: '未达成指标数', key: 'unmet', type: 'count', numFmt: '0', width: 12 },
  { header: '警告数', key: 'warnings', type: 'count', numFmt: '0', width: 8 },
  { header: '源文件', key: 'file', type: 'text', width: 40 },
];
