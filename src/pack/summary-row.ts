/**
 * One row of the year's summary: a form, or a department's total row. Amounts are exact
 * decimal strings without separators (`17871052.19`); `rate` and `selfScore` are the printed
 * strings ('' where the form prints nothing; 执行率 without a `%`). The amounts and 执行率 are
 * those of the funds row that prints the 执行率, so each row re-checks by hand: 其中：财政拨款
 * on 部门整体/二级项目, 年度资金总额 on 项目支出. Amounts are always 元: 项目支出 prints 万元, which
 * the summary multiplies by 10 000 (exact: the form prints every written 元).
 */
export interface SummaryRow {
  kind: 'form' | 'total';
  year: number;
  department: string;
  /** 部门整体 | 二级项目 | 项目支出 | 合计 */
  form: string;
  code: string;
  name: string;
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
  /** 自评总分, or the 总分 of a 项目支出 form. */
  selfScore: string;
  unmet: number;
  warnings: number;
  /** Source file ('' on a total row). */
  file: string;
}
