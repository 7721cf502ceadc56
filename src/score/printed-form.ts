/**
 * Every computed value of a form, as the exact string the form prints.
 * This is also the `printed` object of `ziping check --json` (DESIGN §8) and the shape
 * that `reported:` values in the YAML are compared against.
 */
export interface PrintedFundsRow {
  /** Row label as printed: 年度总金额, 其中：财政拨款, or the source's name. */
  row: string;
  kind: 'total' | 'fiscal' | 'source';
  initial: string;
  adjusted: string;
  executed: string;
  /** Absent on the 年度总金额 row; '' when adjusted = 0. */
  rate?: string;
  /** Only on the 财政拨款 row. */
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
  selfScore: string;
  funds: PrintedFundsRow[];
  indicators: PrintedIndicator[];
}

/** Printed labels of the fixed funds rows (full-width punctuation, as the official form). */
export const FundsRowLabel = {
  total: '年度总金额',
  fiscal: '其中：财政拨款',
} as const;
