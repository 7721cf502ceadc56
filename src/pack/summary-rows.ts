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

/** 项目支出 prints 万元 (`465.301234`, up to 6 places so no written 元 is lost): as 元 with 2 places, exactly. */
function yuanOfWan(printed: string): string {
  return new Decimal(plainAmount(printed)).times(10000).toFixed(2);
}

/**
 * The funds figures of a form's summary row, all in 元 so department totals add up across
 * both families: cq2023 from 其中：财政拨款 (the only row printing 执行率), in 元 as printed;
 * 项目支出 (mof2020) from 年度资金总额 (the only row printing 执行率), converted from the printed
 * 万元 to 元. 执行率 without the `%` that 项目支出 prints, so the column stays a number.
 */
function fundsOf(form: PackForm): Pick<SummaryRow, 'initial' | 'adjusted' | 'executed' | 'rate'> {
  const national = form.form === '项目支出';
  const row = form.printed.funds.find((r) => r.kind === (national ? 'total' : 'fiscal'));
  const amount = (printed: string | undefined) => (national && printed ? yuanOfWan(printed) : plainAmount(printed || '0'));
  return {
    initial: amount(row?.initial),
    adjusted: amount(row?.adjusted),
    executed: amount(row?.executed),
    rate: (row?.rate ?? '').replace(/%$/, ''),
  };
}

function formRow(form: PackForm): SummaryRow {
  return {
    kind: 'form',
    year: form.year,
    department: form.department,
    form: form.form,
    code: form.code,
    name: form.name,
    ...fundsOf(form),
    // 自评总分 (cq2023) or 总分 (项目支出): PrintedForm keeps either in selfScore.
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
