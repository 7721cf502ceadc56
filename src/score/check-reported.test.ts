import { describe, expect, it } from 'vitest';
import { Reported } from '../load/form-schema.js';
import { checkReported } from './check-reported.js';
import type { PrintedForm } from './printed-form.js';

const printed: PrintedForm = {
  selfScore: '100.00',
  funds: [
    { row: '年度总金额', kind: 'total', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00' },
    {
      row: '其中：财政拨款',
      kind: 'fiscal',
      initial: '1,700,000.00',
      adjusted: '1,190,000.00',
      executed: '1,190,000.00',
      rate: '100',
      rateWeight: '10.00',
      rateScore: '10.00',
    },
    { row: '一般公共预算', kind: 'source', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100' },
  ],
  indicators: [
    { name: '慰问城管', deviation: '10', coefficient: '100', weight: '20', score: '20' },
    { name: '保障稳定', deviation: '0', coefficient: '100', weight: '70', score: '70' },
  ],
};

const check = (reported: unknown) => checkReported(printed, Reported.parse(reported));

describe('checkReported', () => {
  it('says nothing without reported values or when they all agree', () => {
    expect(checkReported(printed, undefined)).toEqual([]);
    expect(
      check({
        selfScore: '100.00',
        funds: [{ row: '其中：财政拨款', rate: '100', rateWeight: '10.00', rateScore: '10.00', adjusted: '1,190,000.00' }],
        indicators: [{ name: '慰问城管', deviation: '10', score: '20' }],
      }),
    ).toEqual([]);
  });

  it('names the field and both values', () => {
    expect(check({ selfScore: '98.50' })).toEqual([
      { code: 'W_REPORTED_MISMATCH', severity: 'warning', message: '自评总分：报送值 98.50，计算值 100.00', path: 'reported.selfScore' },
    ]);
  });

  it('compares numbers by value, not by format', () => {
    expect(check({ selfScore: '100', funds: [{ row: '年度总金额', executed: '1190000' }] })).toEqual([]);
  });

  it('matches funds rows by label across full- and half-width punctuation', () => {
    const diagnostics = check({ funds: [{ row: '其中:财政拨款', rate: '99', rateScore: '10.00' }, { row: ' 一般公共预算 ', rate: '100' }] });
    expect(diagnostics).toEqual([
      {
        code: 'W_REPORTED_MISMATCH',
        severity: 'warning',
        message: '资金情况“其中：财政拨款”执行率：报送值 99，计算值 100',
        path: 'reported.funds[0].rate',
      },
    ]);
  });

  it('flags a value the computed form leaves blank, and a row it does not have', () => {
    const diagnostics = check({ funds: [{ row: '年度总金额', rate: '100' }, { row: '政府性基金', rate: '100' }] });
    expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['W_REPORTED_MISMATCH', 'reported.funds[0].rate', '资金情况“年度总金额”执行率：报送值 100，计算值 （空）'],
      ['W_REPORTED_UNMATCHED', 'reported.funds[1].row', expect.stringContaining('政府性基金')],
    ]);
  });

  it('matches indicators by position and lists each differing field', () => {
    const diagnostics = check({ indicators: [{}, { name: '保障安全', score: '60', coefficient: '100' }, { score: '1' }] });
    expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['W_REPORTED_MISMATCH', 'reported.indicators[1].name', '绩效指标第 2 行“保障稳定”指标名称：报送值 保障安全，计算值 保障稳定'],
      ['W_REPORTED_MISMATCH', 'reported.indicators[1].score', '绩效指标第 2 行“保障稳定”指标得分：报送值 60，计算值 70'],
      ['W_REPORTED_UNMATCHED', 'reported.indicators[2]', expect.stringContaining('第 3 行')],
    ]);
  });
});
