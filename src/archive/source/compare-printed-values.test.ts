import { describe, expect, it } from 'vitest';
import type { PrintedForm } from '../../score/printed-form.js';
import { comparePrintedValues } from './compare-printed-values.js';

const printed: PrintedForm = {
  selfScore: '95.00',
  funds: [
    { row: '年度总金额', kind: 'total', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00' },
    { row: '其中：财政拨款', kind: 'fiscal', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100', rateWeight: '10.00', rateScore: '10.00' },
  ],
  indicators: [
    { name: '慰问一线人员', deviation: '-25', coefficient: '75', weight: '20', score: '15' },
    { name: '保障安全稳定', deviation: '0', coefficient: '100', weight: '20', score: '20' },
  ],
};

const text = (selfScore: string, firstRow: string) =>
  [
    '2023年度二级项目绩效自评表',
    `项目名称： 某项目 自评总分： ${selfScore}`,
    '年度总金额 1,700,000.00 1,190,000.00 1,190,000.00',
    '其中：财政拨款 1,700,000.00 1,190,000.00 1,190,000.00 100 10.00 10.00',
    // A goal that repeats an indicator's name must not be taken for its row.
    '绩效目标 保障安全稳定工作 100',
    `慰问一线 人员 人次 ≥ 200 150 ${firstRow} 否`,
    '保障安全稳定 无 定性 100 1 0 100 20 20 否',
  ].join('\n');

describe('comparePrintedValues', () => {
  it('accepts a text that shows every printed value in its row, across line breaks in names', () => {
    expect(comparePrintedValues(printed, text('95.00', '-25 75 20 15'))).toEqual([]);
  });

  it('names the row, field and both values when one differs', () => {
    const mismatches = comparePrintedValues(printed, text('100.00', '10 100 20 20'));
    expect(mismatches.map((m) => `${m.row}/${m.field}=${m.expected}`)).toEqual([
      '自评总分/自评总分=95.00',
      '慰问一线人员/偏离度=-25',
      '慰问一线人员/得分系数=75',
      '慰问一线人员/指标得分=15',
    ]);
    expect(mismatches[1].found).toBe('人次 ≥ 200 150 10 100 20 20 否');
  });

  it('reports a row the text does not have', () => {
    const mismatches = comparePrintedValues(printed, text('95.00', '-25 75 20 15').replace('保障安全稳定 无', '别的指标 无'));
    expect(mismatches.some((m) => m.row === '保障安全稳定')).toBe(true);
  });
});
