/**
 * One funds row of a form as the summary shows it: amounts in 元, exact decimal strings without
 * separators (`17871052.19`); 执行率 as printed without a `%`. '' where the form prints no such
 * row or value — never another row's number.
 */
export interface SummaryFunds {
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
}

/** Which forms a row belongs to: 部门整体, or the project forms (二级项目, 项目支出). */
export type SummaryGroup = 'overall' | 'project';

/**
 * One row of the year's summary: a form, a department's subtotal of its 部门整体 or of its
 * project forms, or the year's total of one of those two. The two are never added together:
 * a 部门整体 form's funds are the whole department's, its projects' included.
 */
export interface SummaryRow {
  kind: 'form' | 'subtotal' | 'total';
  group: SummaryGroup;
  year: number;
  department: string;
  /** 部门整体 | 二级项目 | 项目支出 on a form; 部门整体小计 | 项目小计; 部门整体合计 | 项目合计. */
  form: string;
  code: string;
  name: string;
  /** The 年度总金额 (cq2023) or 年度资金总额 (项目支出) row. */
  total: SummaryFunds;
  /** The 其中：财政拨款 (cq2023) or 其中：当年财政拨款 (项目支出) row. */
  fiscal: SummaryFunds;
  /** 自评总分, or the 总分 of a 项目支出 form, as printed ('' on subtotal and total rows). */
  selfScore: string;
  unmet: number;
  warnings: number;
  /** Source file ('' on subtotal and total rows). */
  file: string;
  /**
   * Subtotal and total rows: the rows they add, as 0-based indices into the summary — a
   * contiguous block of forms (`SUM`), or, with `label`, the rows of that 表单类型 in the
   * block (`SUMIF`). The values above are those sums, computed exactly.
   */
  sum?: { from: number; to: number; label?: string };
}
