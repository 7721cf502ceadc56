import { Decimal } from 'decimal.js';
import type { PrintedFundsRow } from '../score/printed-form.js';
import { comparePackForms } from './compare-pack-forms.js';
import type { PackForm } from './pack-form.js';
import type { SummaryFunds, SummaryGroup, SummaryRow } from './summary-row.js';
import { summarySum } from './summary-sum.js';

/** 项目支出 prints 万元 (`465.301234`, up to 6 places so no written 元 is lost): as 元 with 2 places, exactly. */
function yuanOfWan(plain: string): string {
  return new Decimal(plain).times(10000).toFixed(2);
}

/**
 * One printed funds row as the summary's amounts, in 元 so totals add up across both families
 * (cq2023 prints 元, 项目支出 万元). No such row: all blank.
 */
function fundsOf(form: PackForm, kind: 'total' | 'fiscal'): SummaryFunds {
  const row: PrintedFundsRow | undefined = form.printed.funds.find((r) => r.kind === kind);
  const wan = form.format.moneyUnit === '万元';
  const amount = (printed: string | undefined) => {
    const plain = (printed ?? '').replaceAll(',', '');
    return plain === '' ? '' : wan ? yuanOfWan(plain) : plain;
  };
  return {
    initial: amount(row?.initial),
    adjusted: amount(row?.adjusted),
    executed: amount(row?.executed),
    // 项目支出 prints `96.94%`: without the %, so the column stays a number.
    rate: (row?.rate ?? '').replace(/%$/, ''),
  };
}

function groupOf(form: PackForm): SummaryGroup {
  return form.format.family === '部门整体' ? 'overall' : 'project';
}

function formRow(form: PackForm): SummaryRow {
  return {
    kind: 'form',
    group: groupOf(form),
    year: form.year,
    department: form.department,
    form: form.form,
    code: form.code,
    name: form.name,
    total: fundsOf(form, 'total'),
    fiscal: fundsOf(form, 'fiscal'),
    // 自评总分 (cq2023) or 总分 (项目支出): PrintedForm keeps either in selfScore.
    selfScore: form.printed.selfScore,
    unmet: form.unmet,
    warnings: form.warnings,
    file: form.file,
  };
}

const LABEL: Record<SummaryGroup, { subtotal: string; total: string }> = {
  overall: { subtotal: '部门整体小计', total: '部门整体合计' },
  project: { subtotal: '项目小计', total: '项目合计' },
};

/**
 * The summary of one year, in pack order. Per department: its 部门整体 form(s) and their
 * subtotal, then its project forms and theirs; at the end the year's 部门整体合计 and 项目合计,
 * each the sum of that kind of subtotal. A 部门整体 is never added to its own projects: its
 * funds already hold theirs.
 */
export function summaryRows(forms: PackForm[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const sorted = [...forms].sort(comparePackForms);
  let start = 0;
  while (start < sorted.length) {
    const first = sorted[start];
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1].department === first.department && groupOf(sorted[end + 1]) === groupOf(first)) end += 1;
    const from = rows.length;
    rows.push(...sorted.slice(start, end + 1).map(formRow));
    const block = rows.slice(from);
    const group = groupOf(first);
    rows.push(summarySum(block, { kind: 'subtotal', group, department: first.department, form: LABEL[group].subtotal, name: `${block.length} 个表单`, sum: { from, to: rows.length - 1 } }));
    start = end + 1;
  }
  if (rows.length === 0) return rows;
  const last = rows.length - 1;
  for (const group of ['overall', 'project'] as const) {
    const subtotals = rows.filter((row) => row.kind === 'subtotal' && row.group === group);
    if (subtotals.length === 0) continue;
    const count = rows.filter((row) => row.kind === 'form' && row.group === group).length;
    rows.push(summarySum(subtotals, { kind: 'total', group, department: '', form: LABEL[group].total, name: `${count} 个表单`, sum: { from: 0, to: last, label: LABEL[group].subtotal } }));
  }
  return rows;
}
