import { Decimal } from 'decimal.js';
import { printTrim } from '../score/print-trim.js';
import { round2 } from '../score/round2.js';
import type { SummaryFunds, SummaryRow } from './summary-row.js';

/** Exact sum of one amount over the rows; '' when no row has it (a blank is not a 0). */
function sumOf(rows: SummaryRow[], pick: (row: SummaryRow) => string): string {
  const present = rows.map(pick).filter((value) => value !== '');
  return present.length === 0 ? '' : present.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed(2);
}

/**
 * The funds of a sum: Decimal sums, and 执行率 = executed ÷ adjusted × 100 by the forms' own rule
 * (ROUND half up, TRIM) — only where every added row prints a 执行率 there, so a subtotal never
 * shows a rate for a row none of its forms rate; blank too when nothing was budgeted.
 */
function fundsSum(rows: SummaryRow[], group: 'total' | 'fiscal'): SummaryFunds {
  const initial = sumOf(rows, (row) => row[group].initial);
  const adjusted = sumOf(rows, (row) => row[group].adjusted);
  const executed = sumOf(rows, (row) => row[group].executed);
  const rated = rows.every((row) => row[group].rate !== '') && adjusted !== '' && executed !== '' && !new Decimal(adjusted).isZero();
  return { initial, adjusted, executed, rate: rated ? printTrim(round2(new Decimal(executed).div(adjusted).times(100))) : '' };
}

/** A subtotal or total row: the exact sums of `rows` (the rows its formulas add), labelled by `fields`. */
export function summarySum(rows: SummaryRow[], fields: Pick<SummaryRow, 'kind' | 'group' | 'department' | 'form' | 'name' | 'sum'>): SummaryRow {
  return {
    ...fields,
    year: rows[0].year,
    code: '',
    total: fundsSum(rows, 'total'),
    fiscal: fundsSum(rows, 'fiscal'),
    selfScore: '',
    unmet: rows.reduce((n, row) => n + row.unmet, 0),
    warnings: rows.reduce((n, row) => n + row.warnings, 0),
    file: '',
  };
}
