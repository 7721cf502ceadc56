/**
 * One row of the year's summary: a form, or a department's total row. Amounts are exact
 * decimal strings without separators (`17871052.19`); `rate` and `selfScore` are the printed
 * strings ('' where the form prints nothing). The amounts and 执行率 are those of the
 * 其中：财政拨款 row, the only funds row that prints a 执行率, so each row re-checks by hand.
 */
export interface SummaryRow {
  kind: 'form' | 'total';
  year: number;
  department: string;
  /** 部门整体 | 二级项目 | 合计 */
  form: string;
  code: string;
  name: string;
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
  selfScore: string;
  unmet: number;
  warnings: number;
  /** Source file ('' on a total row). */
  file: string;
}
