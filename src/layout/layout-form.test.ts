import { ESTIMATED_METRICS } from './text-metrics.js';
import { describe, expect, it } from 'vitest';
import { loadTemplateSources } from '../build/load-template-sources.js';
import { compileTemplateSet, layoutForm, type FormView, type GridCell, type TableBlock } from './index.js';

const templates = compileTemplateSet(loadTemplateSources());

function view(overrides: Partial<FormView> = {}): FormView {
  const indicator = {
    name: '慰问一线人员', unit: '人次', nature: '≥', target: '200', actual: '220', grade: '',
    deviation: '10', coefficient: '100', weight: '90', score: '90', core: '否', note: '', sign: '≥', quantitative: true,
  };
  return {
    title: '2023年度二级项目绩效自评表', form: '二级项目', year: '2023', status: '绩效审核已审', selfScore: '100.00', rating: '',
    project: { name: '夏季慰问', code: 'P-1', department: '024-办公室', financeOffice: '003-行事科', contact: '李路遥', phone: '63765419' },
    funds: [
      { row: '年度总金额', kind: 'total', initial: '1.00', adjusted: '1.00', executed: '1.00', rate: '', rateWeight: '', rateScore: '' },
      { row: '其中：财政拨款', kind: 'fiscal', initial: '1.00', adjusted: '1.00', executed: '1.00', rate: '100', rateWeight: '10.00', rateScore: '10.00' },
    ],
    goals: { initial: '目标', adjusted: '', achieved: '完成' },
    indicators: [indicator],
    fundRows: {},
    ...overrides,
  };
}

const cells = (table: TableBlock) =>
  table.rows.flatMap((row) => row.slots.filter((slot): slot is GridCell => slot.kind === 'cell'));

describe('layoutForm with the built-in 二级项目 template', () => {
  const doc = layoutForm(view(), templates.get('二级项目')!, ESTIMATED_METRICS);

  it('sets up A4 landscape with the title first', () => {
    expect(doc.page).toMatchObject({ width: 595.28, height: 841.89, orientation: 'landscape' });
    expect(doc.blocks[0]).toMatchObject({ kind: 'text', text: '2023年度二级项目绩效自评表', align: 'center', style: { bold: true } });
    expect(doc.meta.identifier).toBe('2023-P-1');
  });

  it('gives every table columns that span the content width exactly', () => {
    const contentWidth = 841.89 - 28 - 28;
    for (const block of doc.blocks.filter((b): b is TableBlock => b.kind === 'table')) {
      expect(block.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(contentWidth, 2);
      for (const row of block.rows) expect(row.slots).toHaveLength(block.columns.length);
    }
  });

  it('makes the stacked head, funds, goals and indicators tables one table, so each rule is drawn once', () => {
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const texts = cells(tables[0]!).map((c) => c.text);
    for (const band of ['资金情况', '绩效目标', '绩效指标']) expect(texts).toContain(band);
    expect(texts.indexOf('资金情况')).toBeLessThan(texts.indexOf('绩效目标'));
    expect(texts.indexOf('绩效目标')).toBeLessThan(texts.indexOf('绩效指标'));
  });

  it('repeats the indicators header (band + column labels) on each page, kept with the first indicator, rows whole', () => {
    const table = doc.blocks.at(-1) as TableBlock;
    const band = table.rows.findIndex((row) => row.slots[0]!.kind === 'cell' && row.slots[0]!.text === '绩效指标');
    expect(table.rows.slice(band, band + 2).map((row) => [row.repeat, row.keepWithNext])).toEqual([[true, true], [true, true]]);
    expect(table.rows.slice(band + 2).some((row) => row.repeat)).toBe(false);
    expect(table.rows.every((row) => row.cantSplit)).toBe(true);
    expect(table.rows.slice(band, band + 2).flatMap((row) => row.slots.flatMap((s) => (s.kind === 'cell' ? [s.text] : [])))).toEqual([
      '绩效指标', '指标名称', '计量单位', '指标性质', '指标值', '全年完成值', '偏离度（%）', '得分系数（%）', '指标权重', '指标得分', '是否核心指标', '说明',
    ]);
  });

  it('right-aligns numbers and keeps header labels unwrapped', () => {
    const [table] = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const label = cells(table!).find((c) => c.text === '项目主管部门：')!;
    expect(label.noWrap).toBe(true);
    const fiscal = table!.rows.find((row) => (row.slots[0] as GridCell).text === '其中：财政拨款')!;
    const values = fiscal.slots.slice(1).filter((s): s is GridCell => s.kind === 'cell');
    expect(values.map((s) => s.align)).toEqual(Array(6).fill('right'));
    expect(values.slice(3).map((s) => s.text)).toEqual(['100', '10.00', '10.00']);
  });
});

describe('data values print literally', () => {
  it.each([
    ['<b>&amp; "quoted"</b>'],
    ['{{project.name}} {{> form-head}}'],
    ['第一行\n第二行'],
    ["a ' ` = b"],
  ])('%j', (value) => {
    const doc = layoutForm(view({ goals: { initial: value, adjusted: '', achieved: '' } }), templates.get('二级项目')!, ESTIMATED_METRICS);
    const [table] = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(cells(table!).map((c) => c.text)).toContain(value);
  });
});

describe('template faults are errors with a line', () => {
  const compile = (text: string) => compileTemplateSet({ templates: { t: text }, partials: {} }).get('t')!;

  it('rejects a row wider than the table', () => {
    const t = compile('<document>\n<table cols="1* 1*">\n<tr><td>a</td><td>b</td><td>c</td></tr>\n</table></document>');
    expect(() => layoutForm({}, t, ESTIMATED_METRICS)).toThrow(/超出 2 列/);
  });

  it('rejects overlapping spans and leaves covered slots for spans', () => {
    const ok = compile('<document><table cols="1* 1*"><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table></document>');
    const table = layoutForm({}, ok, ESTIMATED_METRICS).blocks[0] as TableBlock;
    expect(table.rows[1].slots[0]).toEqual({ kind: 'covered', row: 0, col: 0 });
    const bad = compile('<document><table cols="1* 1*"><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></document>');
    expect(() => layoutForm({}, bad, ESTIMATED_METRICS)).toThrow(/超出 2 列/);
  });

  it('rejects an unclosed tag and a misspelt field', () => {
    expect(() => layoutForm({}, compile('<document>\n<table cols="1*">'), ESTIMATED_METRICS)).toThrow(/没有结束/);
    expect(() => layoutForm({ a: 1 }, compile('<document><text>{{b}}</text></document>'), ESTIMATED_METRICS)).toThrow(/"b" not defined/);
  });
});
