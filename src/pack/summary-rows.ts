import { Decimal } from 'decimal.js';
import { printTrim } from '../score/print-trim.js';
import { round2 } from '../score/round2.js';
import { comparePackForms } from './compare-pack-forms.js';
import type { PackForm } from './pack-form.js';
import type { SummaryRow } from './summary-row.js';

/** `17,871,052.19` as printed → `17871052.19`. */
function plainAmount(printed: string): string {
  return printed.replaceAll(',', '');
}

function formRow(form: PackForm): SummaryRow {
  const fiscal = form.printed.funds.find((row) => row.kind === 'fiscal');
  return {
    kind: 'form',
    year: form.year,
    department: form.department,
    form: form.form,
    code: form.code,
    name: form.name,
    initial: plainAmount(fiscal?.initial ?? '0'),
    adjusted: plainAmount(fiscal?.adjusted ?? '0'),
    executed: plainAmount(fiscal?.executed ?? '0'),
    rate: fiscal?.rate ?? '',
    selfScore: form.printed.selfScore,
    unmet: form.unmet,
    warnings: form.warnings,
    file: form.file,
  };
}

/** A department's total: exact sums, and 执行率 of the sums by the form's own rule (ROUND, TRIM; blank when nothing was budgeted). */
function totalRow(rows: SummaryRow[]): SummaryRow {
  const sum = (field: 'initial' | 'adjusted' | 'executed') => rows.reduce((total, row) => total.plus(row[field]), new Decimal(0));
  const adjusted = sum('adjusted');
  const executed = sum('executed');
  return {
    kind: 'total',
    year: rows[0].year,
    department: rows[0].department,
    form: '合计',
    code: '',
    name: `${rows.length} 个表单`,
    initial: sum('initial').toFixed(2),
    adjusted: adjusted.toFixed(2),
    executed: executed.toFixed(2),
    rate: adjusted.isZero() ? '' : printTrim(round2(executed.div(adjusted).times(100))),
    selfScore: '',
    unmet: rows.reduce((n, row) => n + row.unmet, 0),
    warnings: rows.reduce((n, row) => n + row.warnings, 0),
    file: '',
  };
}

/** The summary of one year: forms in pack order, each department followed by its total row. */
export function summaryRows(forms: PackForm[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  let department: SummaryRow[] = [];
  for (const form of [...forms].sort(comparePackForms)) {
    if (department.length > 0 && department[0].department !== form.department) {
      rows.push(...department, totalRow(department));
      department = [];
    }
    department.push(formRow(form));
  }
  if (department.length > 0) rows.push(...department, totalRow(department));
  return rows;
}
