import { describe, expect, it } from 'vitest';
import type { PackForm } from './pack-form.js';
import { summaryRows } from './summary-rows.js';

function form(department: string, kind: string, code: string, fiscal: [string, string, string, string], extra: Partial<PackForm> = {}): PackForm {
  return {
    file: `${code}.yaml`,
    form: kind,
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

describe('summaryRows', () => {
  it('lists forms in pack order with the 财政拨款 amounts, exact and without separators', () => {
    const rows = summaryRows([form('A', '二级项目', 'T2', ['1,700,000.00', '1,190,000.00', '1,190,000.00', '100']), form('A', '部门整体', 'P1', ['0.10', '0.20', '0.10', '50'])]);
    expect(rows.map((r) => [r.kind, r.form, r.code, r.initial, r.adjusted, r.executed, r.rate, r.selfScore])).toEqual([
      ['form', '部门整体', 'P1', '0.10', '0.20', '0.10', '50', '95.50'],
      ['form', '二级项目', 'T2', '1700000.00', '1190000.00', '1190000.00', '100', '95.50'],
      ['total', '合计', '', '1700000.10', '1190000.20', '1190000.10', '100', ''],
    ]);
  });

  it('closes each department with a total row: Decimal sums, 执行率 of the sums rounded half up, counts added', () => {
    const rows = summaryRows([
      form('A', '二级项目', 'T1', ['0.10', '0.10', '0.10', '100']),
      form('A', '二级项目', 'T2', ['0.20', '2.90', '2.00', '68.97']),
      form('B', '二级项目', 'T3', ['5.00', '0.00', '0.00', '']),
    ]);
    expect(rows.map((r) => `${r.department} ${r.form}`)).toEqual(['A 二级项目', 'A 二级项目', 'A 合计', 'B 二级项目', 'B 合计']);
    const totalA = rows[2];
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is 0.30.
    expect([totalA.initial, totalA.adjusted, totalA.executed]).toEqual(['0.30', '3.00', '2.10']);
    expect(totalA.rate).toBe('70');
    expect([totalA.unmet, totalA.warnings, totalA.name]).toEqual([4, 2, '2 个表单']);
    expect(rows[4].rate).toBe('');
  });

  it('takes a 项目支出 form’s 年度资金总额 in 万元 to 元, its 执行率 without %, and its 总分', () => {
    const national = form('A', '项目支出', 'N1', ['', '', '', ''], {
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
    const rows = summaryRows([national, form('A', '二级项目', 'T2', ['0.10', '0.20', '0.10', '50'])]);
    expect(rows.map((r) => [r.form, r.code, r.initial, r.adjusted, r.executed, r.rate, r.selfScore])).toEqual([
      ['项目支出', 'N1', '15000000.00', '4800000.00', '4653012.34', '96.94', '97.8'],
      ['二级项目', 'T2', '0.10', '0.20', '0.10', '50', '95.50'],
      // Both in 元, so the department's total adds them.
      ['合计', '', '15000000.10', '4800000.20', '4653012.44', '96.94', ''],
    ]);
  });
});
