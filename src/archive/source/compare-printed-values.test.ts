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

/** A 项目支出 (mof2020) form: no 偏离度/得分系数, 执行率 and 得分 on 年度资金总额, a 总分 row last. */
const national: PrintedForm = {
  selfScore: '97.8',
  totalWeight: '100',
  level1Weights: [
    { level1: '产出指标', weight: '50' },
    { level1: '满意度指标', weight: '40' },
  ],
  funds: [
    { row: '年度资金总额', kind: 'total', initial: '500.00', adjusted: '480.00', executed: '465.30', rate: '96.94%', rateWeight: '10', rateScore: '9.69' },
    { row: '其中：当年财政拨款', kind: 'fiscal', initial: '450.00', adjusted: '430.00', executed: '420.30' },
    { row: '上年结转资金', kind: 'carryOver', initial: '50.00', adjusted: '50.00', executed: '45.00' },
    { row: '其他资金', kind: 'other', initial: '', adjusted: '', executed: '' },
  ],
  indicators: [
    { name: '工程按期完工率', deviation: '', coefficient: '', weight: '50', score: '48.11' },
    { name: '受益群众满意度', deviation: '', coefficient: '', weight: '40', score: '40' },
  ],
};

const nationalText = (rateScore: string, firstScore: string, total: string) =>
  [
    '项目支出绩效自评表',
    '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
    `年度资金总额 500.00 480.00 465.30 10 96.94% ${rateScore}`,
    '其中：当年财政拨款 450.00 430.00 420.30 — — —',
    '上年结转资金 50.00 50.00 45.00 — — —',
    '其他资金 — — —',
    '年度总体目标 预期目标 实际完成情况 总分 工程按期完工率 达到 90%',
    `产出指标（50分） 时效指标 工程按期完工率 ≥90% 85% 50 ${firstScore} 推迟开工`,
    '满意度指标（40分） 服务对象满意度指标 受益群众满意度 ≥90% 93% 40 40',
    `总分 100 ${total}`,
    '注：项目资金单位为万元。',
  ].join('\n');

describe('comparePrintedValues on a 项目支出 form', () => {
  it('accepts the 总分 row, the 分值/执行率/得分 of 年度资金总额 and indicators without 偏离度', () => {
    expect(comparePrintedValues(national, nationalText('9.69', '48.11', '97.8'))).toEqual([]);
  });

  it('names the 总分, the funds 得分 and an indicator 得分 when they differ, with the form’s labels', () => {
    const mismatches = comparePrintedValues(national, nationalText('10', '50', '99.69'));
    expect(mismatches.map((m) => `${m.row}/${m.field}=${m.expected}`)).toEqual(['年度资金总额/得分=9.69', '工程按期完工率/得分=48.11', '总分/总分=97.8']);
    expect(mismatches[2].found).toBe('100 99.69 注：项目资金单位为万元。');
  });

  it('accepts 一级指标 printed without their 分值, as the official form prints them', () => {
    const official = nationalText('9.69', '48.11', '97.8').replace('产出指标（50分）', '产出指标').replace('满意度指标（40分）', '满意度指标');
    expect(comparePrintedValues(national, official)).toEqual([]);
  });

  it('does not look for 自评总分, and checks the 一级指标 分值 in its merged cell', () => {
    const mismatches = comparePrintedValues(national, nationalText('9.69', '48.11', '97.8').replace('满意度指标（40分）', '满意度指标（10分）'));
    expect(mismatches).toEqual([{ row: '满意度指标', field: '分值', expected: '40', found: '满意度指标（10分）' }]);
  });
});

describe('comparePrintedValues against what the format’s template lays out', () => {
  // 四川's layout: no 年初预算数 column, no 上年结转资金 row, 其中：本年财政拨款 under its own label, 一级指标(50分).
  const sichuan = [
    '项目资金（万元） 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
    `年度资金总额 480.00 465.30 10 96.94% 9.69`,
    '其中：本年财政拨款 430.00 420.30 其他资金',
    '产出指标(50分) 时效指标 工程按期完工率 50 ≥90% 85% 48.11 推迟开工',
    '满意度指标(40分) 服务对象满意度指标 受益群众满意度 40 ≥90% 93% 40',
    '总分 100 97.8',
  ].join('\n');
  const laidOut = sichuan.split(/\s+/);

  it('looks only for the columns and rows the template prints', () => {
    expect(comparePrintedValues(national, sichuan, laidOut)).toEqual([]);
    // Without the layout, the 年初预算数 and the 上年结转资金 row are looked for and missed.
    expect(comparePrintedValues(national, sichuan).map((m) => `${m.row}/${m.field}`)).toContain('年度资金总额/年初预算数');
  });

  it('still names a wrong value, and 一级指标 points in ASCII parentheses', () => {
    const wrong = sichuan.replace('96.94% 9.69', '96.94% 10').replace('满意度指标(40分)', '满意度指标(10分)');
    expect(comparePrintedValues(national, wrong, wrong.split(/\s+/)).map((m) => `${m.row}/${m.field}=${m.expected}`)).toEqual(['年度资金总额/得分=9.69', '满意度指标/分值=40']);
  });
});
