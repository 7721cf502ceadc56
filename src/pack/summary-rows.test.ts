import { describe, expect, it } from 'vitest';
import { packFormatOf, type PackForm } from './pack-form.js';
import { builtInFormats } from '../load/format/format-registry.js';
import type { SummaryRow } from './summary-row.js';
import { summaryRows } from './summary-rows.js';

/** A cq2023 form: 年度总金额 (no rate) and 其中：财政拨款 (with rate), as printed. */
function form(department: string, kind: string, code: string, fiscal: [string, string, string, string], extra: Partial<PackForm> = {}): PackForm {
  return {
    file: `${code}.yaml`,
    form: kind,
    format: packFormatOf(builtInFormats(), kind),
    code,
    name: `项目${code}`,
    department,
    year: 2023,
    printed: {
      selfScore: '95.50',
      funds: [
        { row: '年度总金额', kind: 'total', initial: '9,999,999.99', adjusted: '9,999,999.99', executed: '9,999,999.99' },
        { row: '其中：财政拨款', kind: 'fiscal', initial: fiscal[0], adjusted: fiscal[1], executed: fiscal[2], rate: fiscal[3], rateWeight: '10.00', rateScore: '10.00' },
      ],
      indicators: [],
    },
    warnings: 1,
    unmet: 2,
    pdf: { file: `${code}.pdf`, sha256: '' },
    ...extra,
  };
}

const national = (department: string, code: string) =>
  form(department, '项目支出', code, ['', '', '', ''], {
    printed: {
      selfScore: '97.8',
      totalWeight: '100',
      funds: [
        { row: '年度资金总额', kind: 'total', initial: '1,500.00', adjusted: '480.00', executed: '465.301234', rate: '96.94%', rateWeight: '10', rateScore: '9.69' },
        { row: '其中：当年财政拨款', kind: 'fiscal', initial: '450.00', adjusted: '430.00', executed: '420.30' },
        { row: '上年结转资金', kind: 'carryOver', initial: '', adjusted: '', executed: '' },
      ],
      indicators: [],
    },
  });

const fiscalOf = (r: SummaryRow) => [r.fiscal.initial, r.fiscal.adjusted, r.fiscal.executed, r.fiscal.rate];
const totalOf = (r: SummaryRow) => [r.total.initial, r.total.adjusted, r.total.executed, r.total.rate];

describe('summaryRows', () => {
  it('keeps a department’s 部门整体 and its projects in separate subtotals, never one sum of both', () => {
    const rows = summaryRows([form('A', '二级项目', 'T2', ['1,700,000.00', '1,190,000.00', '1,190,000.00', '100']), form('A', '部门整体', 'P1', ['0.10', '0.20', '0.10', '50'])]);
    expect(rows.map((r) => [r.kind, r.form, r.code, ...fiscalOf(r), r.selfScore])).toEqual([
      ['form', '部门整体', 'P1', '0.10', '0.20', '0.10', '50', '95.50'],
      ['subtotal', '部门整体小计', '', '0.10', '0.20', '0.10', '50', ''],
      ['form', '二级项目', 'T2', '1700000.00', '1190000.00', '1190000.00', '100', '95.50'],
      ['subtotal', '项目小计', '', '1700000.00', '1190000.00', '1190000.00', '100', ''],
      ['total', '部门整体合计', '', '0.10', '0.20', '0.10', '50', ''],
      ['total', '项目合计', '', '1700000.00', '1190000.00', '1190000.00', '100', ''],
    ]);
    expect(rows.map((r) => r.sum)).toEqual([undefined, { from: 0, to: 0 }, undefined, { from: 2, to: 2 }, { from: 0, to: 3, label: '部门整体小计' }, { from: 0, to: 3, label: '项目小计' }]);
  });

  it('takes 年度总金额 and 其中：财政拨款 each into its own columns; no rate where the row prints none', () => {
    const [row] = summaryRows([form('A', '二级项目', 'T1', ['1.00', '2.00', '2.00', '100'])]);
    expect(totalOf(row)).toEqual(['9999999.99', '9999999.99', '9999999.99', '']);
    expect(fiscalOf(row)).toEqual(['1.00', '2.00', '2.00', '100']);
  });

  it('closes each block with a subtotal: Decimal sums, 执行率 of the sums rounded half up, counts added', () => {
    const rows = summaryRows([
      form('A', '二级项目', 'T1', ['0.10', '0.10', '0.10', '100']),
      form('A', '二级项目', 'T2', ['0.20', '2.90', '2.00', '68.97']),
      form('B', '二级项目', 'T3', ['5.00', '0.00', '0.00', '']),
    ]);
    expect(rows.map((r) => `${r.department} ${r.form}`)).toEqual(['A 二级项目', 'A 二级项目', 'A 项目小计', 'B 二级项目', 'B 项目小计', ' 项目合计']);
    const subtotalA = rows[2];
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is 0.30.
    expect(fiscalOf(subtotalA)).toEqual(['0.30', '3.00', '2.10', '70']);
    expect([subtotalA.unmet, subtotalA.warnings, subtotalA.name]).toEqual([4, 2, '2 个表单']);
    expect(rows[4].fiscal.rate).toBe('');
    expect(fiscalOf(rows[5]).slice(0, 3)).toEqual(['5.30', '3.00', '2.10']);
    expect([rows[5].name, rows[5].unmet]).toEqual(['3 个表单', 6]);
    // The year's total rates only what every subtotal rates.
    expect(rows[5].fiscal.rate).toBe('');
  });

  it('takes a 项目支出 form’s rows in 万元 to 元, its 执行率 (on 年度资金总额) without %, and its 总分 as printed', () => {
    const rows = summaryRows([national('A', 'N1'), form('A', '二级项目', 'T2', ['0.10', '0.20', '0.10', '50'])]);
    expect(rows.map((r) => [r.form, r.code, ...totalOf(r), ...fiscalOf(r), r.selfScore])).toEqual([
      ['项目支出', 'N1', '15000000.00', '4800000.00', '4653012.34', '96.94', '4500000.00', '4300000.00', '4203000.00', '', '97.8'],
      ['二级项目', 'T2', '9999999.99', '9999999.99', '9999999.99', '', '0.10', '0.20', '0.10', '50', '95.50'],
      // Both in 元, so the subtotal adds them; each rate only where both forms print one.
      ['项目小计', '', '24999999.99', '14799999.99', '14653012.33', '', '4500000.10', '4300000.20', '4203000.10', '', ''],
      ['项目合计', '', '24999999.99', '14799999.99', '14653012.33', '', '4500000.10', '4300000.20', '4203000.10', '', ''],
    ]);
  });

  it('leaves an amount blank where the form has no such row, and a sum blank when no form has it', () => {
    const noTotal = form('A', '二级项目', 'T1', ['1.00', '1.00', '1.00', '100']);
    noTotal.printed = { ...noTotal.printed, funds: noTotal.printed.funds.filter((r) => r.kind !== 'total') };
    const rows = summaryRows([noTotal]);
    expect(totalOf(rows[0])).toEqual(['', '', '', '']);
    expect(totalOf(rows[1])).toEqual(['', '', '', '']);
  });
});
