import { describe, expect, it } from 'vitest';
import { NationalFormSchema } from '../src/load/form-schema.js';
import { loadForms } from '../src/load/index.js';
import { scoreForm } from '../src/score/index.js';

/** Profile mof2020 (项目支出, 财预〔2020〕10号 附件), table-driven through the public scoreForm. */
const FUNDS = {
  total: { initial: '100', adjusted: '100', executed: '100' },
  fiscal: { initial: '100', adjusted: '100', executed: '100' },
  rateWeight: '10',
};

function form(overrides: Record<string, unknown> = {}, indicators: Record<string, string>[] = []) {
  return NationalFormSchema.parse({
    form: '项目支出',
    year: '2023',
    project: { name: '测试项目', code: 'T-1', department: '示例局', implementingUnit: '示例站' },
    funds: FUNDS,
    goals: {},
    indicators: indicators.length > 0 ? indicators : [{ level1: '产出指标', level2: '数量指标', name: '甲', nature: '≥', target: '1', actual: '1', weight: '90' }],
    ...overrides,
  });
}

const row = (nature: string, target: string, actual: string, weight: string, extra: Record<string, string> = {}) => ({
  level1: '产出指标', level2: '数量指标', name: '指标', nature, target, actual, weight, note: '说明', ...extra,
});

describe('mof2020 indicator scores', () => {
  it.each([
    ['met ≥', row('≥', '35', '36.5', '10'), '10'],
    ['met ≥ exactly', row('≥', '90', '90', '7'), '7'],
    ['missed ≥: 完成值 ÷ 指标值 × 分值', row('≥', '90', '85', '7'), '6.61'],
    ['met ≤', row('≤', '12', '11.6', '8'), '8'],
    ['missed ≤: 指标值 ÷ 完成值 × 分值', row('≤', '12', '15', '8'), '6.4'],
    ['missed ≤ by a third', row('≤', '2', '3', '10'), '6.67'],
    ['missed =', row('=', '2', '1', '10'), '5'],
    ['target 0 met', row('≤', '0', '0', '5'), '5'],
    ['target 0 missed', row('≤', '0', '1', '5'), '0'],
    ['定性 达成 (full marks by default)', row('定性', '健全', '已健全', '6', { grade: '达成' }), '6'],
    ['定性 达成 lowered within its band', row('定性', '健全', '基本健全', '10', { grade: '达成', coefficient: '85' }), '8.5'],
    ['定性 部分达成', row('定性', '有效落实', '基本落实', '6', { grade: '部分达成', coefficient: '75' }), '4.5'],
    ['定性 未达成', row('定性', '有效落实', '未落实', '10', { grade: '未达成', coefficient: '33.333' }), '3.33'],
    ['unrounded ratio times 分值, rounded once', row('≥', '3', '2', '2.25'), '1.5'],
  ])('%s', (_, indicator, score) => {
    const scored = scoreForm(form({}, [indicator]));
    expect(scored.printed.indicators[0]).toEqual({ name: '指标', deviation: '', coefficient: '', weight: indicator.weight, score });
    expect(scored.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a 定性 grade without its coefficient instead of guessing, and leaves the 总分 blank', () => {
    const valid = form({}, [row('定性', '有效', '部分', '90', { grade: '部分达成', coefficient: '70' })]);
    const scored = scoreForm({ ...valid, indicators: [{ ...valid.indicators[0], coefficient: undefined }] });
    expect(scored.printed.indicators[0].score).toBe('');
    expect(scored.printed.selfScore).toBe('');
    expect(scored.diagnostics.map((d) => d.code)).toEqual(['E_COEFFICIENT_REQUIRED']);
  });

  it('warns when a row falls short of its 分值 without 偏差原因分析及改进措施', () => {
    const scored = scoreForm(form({}, [row('≥', '90', '85', '90', { note: '' })]));
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'W_MISSED_NOTE', severity: 'warning', path: 'indicators[0].note' })]);
  });
});

describe('mof2020 funds', () => {
  const funds = (total: Record<string, string>, extra: Record<string, unknown> = {}) =>
    scoreForm(form({ funds: { ...FUNDS, total, fiscal: total, ...extra } }));

  it.each([
    ['full execution', { initial: '100', adjusted: '100', executed: '100' }, '100%', '10'],
    ['rounded rate, score from the printed rate', { initial: '500', adjusted: '480', executed: '465.3' }, '96.94%', '9.69'],
    ['执行率 over 100% prints as is, its 得分 is capped at 分值', { initial: '100', adjusted: '100', executed: '110' }, '110%', '10'],
    ['nothing executed', { initial: '100', adjusted: '100', executed: '0' }, '0%', '0'],
  ])('%s', (_, total, rate, score) => {
    const scored = funds(total);
    expect(scored.printed.funds[0]).toMatchObject({ row: '年度资金总额', kind: 'total', rateWeight: '10', rate, rateScore: score });
    expect(scored.printed.funds.slice(1).map((r) => [r.row, r.rate, r.rateScore])).toEqual([
      ['其中：当年财政拨款', undefined, undefined],
      ['上年结转资金', undefined, undefined],
      ['其他资金', undefined, undefined],
    ]);
  });

  it('warns about over-execution on the row where it happens', () => {
    const scored = funds({ initial: '100', adjusted: '100', executed: '110' });
    expect(scored.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['W_OVER_EXECUTED', 'funds.total.executed'],
      ['W_OVER_EXECUTED', 'funds.fiscal.executed'],
    ]);
  });

  it('prints 万元 amounts as written, at least two decimals, none rounded away', () => {
    const scored = funds({ initial: '1234.5', adjusted: '1,200', executed: '1199.1234' });
    expect(scored.printed.funds[0]).toMatchObject({ initial: '1,234.50', adjusted: '1,200.00', executed: '1,199.1234', rate: '99.93%', rateScore: '9.99' });
  });

  it('turns 元 into 万元 exactly and gives the same 执行率 as the 万元 amounts', () => {
    const yuan = { initial: '5000000', adjusted: '4800000', executed: '4653000.01' };
    const scored = funds(yuan, { unit: '元' });
    expect(scored.printed.funds[0]).toMatchObject({ initial: '500.00', adjusted: '480.00', executed: '465.300001', rate: '96.94%', rateScore: '9.69' });
  });

  it('prints rows not given blank, and checks 年度资金总额 against the rows under it', () => {
    const scored = scoreForm(
      form({
        funds: {
          total: { initial: '150', adjusted: '150', executed: '150' },
          fiscal: { initial: '100', adjusted: '100', executed: '100' },
          carryOver: { initial: '40', adjusted: '50', executed: '50' },
          rateWeight: '10',
        },
      }),
    );
    expect(scored.printed.funds.map((r) => [r.row, r.kind, r.initial])).toEqual([
      ['年度资金总额', 'total', '150.00'],
      ['其中：当年财政拨款', 'fiscal', '100.00'],
      ['上年结转资金', 'carryOver', '40.00'],
      ['其他资金', 'other', ''],
    ]);
    expect(scored.diagnostics.map((d) => [d.code, d.path])).toEqual([['W_FUNDS_SUM', 'funds.total.initial']]);
  });

  it('cannot rate a zero budget: error, blank 执行率/得分/总分', () => {
    const scored = funds({ initial: '0', adjusted: '0', executed: '0' });
    expect(scored.printed.funds[0]).toMatchObject({ rate: '', rateScore: '' });
    expect(scored.printed.selfScore).toBe('');
    expect(scored.diagnostics.map((d) => d.code)).toEqual(['E_ZERO_ADJUSTED']);
  });
});

describe('mof2020 总分', () => {
  it('adds 执行率得分 and every 得分, with the 分值 total and each 一级指标 sum', () => {
    const scored = scoreForm(
      form({ funds: { ...FUNDS, total: { initial: '500', adjusted: '480', executed: '465.3' } } }, [
        row('≥', '90', '85', '50'),
        { ...row('≥', '90', '93', '30'), level1: '效益指标', level2: '社会效益指标' },
        { ...row('≥', '90', '93', '10'), level1: '满意度指标', level2: '服务对象满意度指标' },
      ]),
    );
    // 9.69 + 47.22 + 30 + 10
    expect(scored.printed.selfScore).toBe('96.91');
    expect(scored.printed.totalWeight).toBe('100');
    expect(scored.printed.level1Weights).toEqual([
      { level1: '产出指标', weight: '50' },
      { level1: '效益指标', weight: '30' },
      { level1: '满意度指标', weight: '10' },
    ]);
    expect(scored.diagnostics.filter((d) => d.code !== 'W_FUNDS_SUM')).toEqual([]);
  });

  it('warns when the 分值 do not add up to 100', () => {
    const scored = scoreForm(form({}, [row('≥', '1', '1', '80')]));
    expect(scored.printed.totalWeight).toBe('90');
    expect(scored.printed.selfScore).toBe('90');
    expect(scored.diagnostics).toEqual([expect.objectContaining({ code: 'W_WEIGHT_SUM', severity: 'warning' })]);
  });

  it('scores the national example in data/ to its figures, with no diagnostics', async () => {
    const { forms, diagnostics } = await loadForms(['data/examples/national-2023']);
    expect(diagnostics).toEqual([]);
    const scored = scoreForm(forms[0].form);
    expect(scored.diagnostics).toEqual([]);
    expect(scored.printed.selfScore).toBe('97.8');
    expect(scored.printed.funds[0]).toMatchObject({ rate: '96.94%', rateScore: '9.69' });
    expect(scored.printed.indicators.map((i) => i.score)).toEqual(['10', '10', '8', '7', '6.61', '8', '10', '8', '4.5', '6', '10']);
  });
});
