import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFormSource } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { DiffSide } from './diff-side.js';
import { diffForms } from './diff-forms.js';

const SUMMER = readFileSync(new URL('../../data/2023/yuzhong-gov-office/summer-visits.yaml', import.meta.url), 'utf8');
const OVERALL = readFileSync(new URL('../../data/2023/yuzhong-gov-office/department-overall.yaml', import.meta.url), 'utf8');
const NATIONAL = readFileSync(new URL('../../data/examples/national-2023/rural-water-supply.yaml', import.meta.url), 'utf8');

function side(text: string): DiffSide {
  const result = loadFormSource('x.yaml', new TextEncoder().encode(text));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return { form: result.form.form, printed: scoreForm(result.form.form).printed, text };
}

function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`no match: ${from}`);
  return edited;
}

const brief = (changes: { path: string; old: string | null; new: string | null }[]) => changes.map((c) => `${c.path}: ${c.old} → ${c.new}`);

describe('diffForms', () => {
  it('lists the one lowered 全年完成值 and exactly the printed values it moves, 自评总分 last', () => {
    const lowered = edit(SUMMER, 'actual: 220,', 'actual: 180,');
    const diff = diffForms(side(SUMMER), side(lowered));
    expect(diff.status).toBe('changed');
    expect(diff.source).toEqual([
      {
        path: 'indicators[0].actual',
        label: '第1个指标「慰问城管、住建、卫健等一线人员」全年完成值',
        row: '第1个指标「慰问城管、住建、卫健等一线人员」',
        field: '全年完成值',
        old: '220',
        new: '180',
      },
    ]);
    expect(brief(diff.printed)).toEqual([
      'indicators[0].deviation: 10 → -10',
      'indicators[0].coefficient: 100 → 90',
      'indicators[0].score: 20 → 18',
      'selfScore: 100.00 → 98.00',
    ]);
    expect(diff.printed.map((c) => c.label)).toEqual([
      '第1个指标「慰问城管、住建、卫健等一线人员」偏离度',
      '第1个指标「慰问城管、住建、卫健等一线人员」得分系数',
      '第1个指标「慰问城管、住建、卫健等一线人员」指标得分',
      '自评总分',
    ]);
  });

  it('sees no change when only the writing changes: number format, quoting, comments, flow vs block', () => {
    let rewritten = edit(SUMMER, 'rateWeight: 10', 'rateWeight: "10.00"  # 执行率权重');
    rewritten = edit(rewritten, '{ initial: 1700000.00, adjusted: 1190000.00, executed: 1190000.00 }', '\n    initial: "1,700,000.00"\n    adjusted: 1190000\n    executed: 1190000.0');
    rewritten = edit(rewritten, 'weight: 20, core: false, note: "" }', 'weight: 20.0, core: 否 }');
    expect(diffForms(side(SUMMER), side(rewritten))).toEqual({ status: 'unchanged', source: [], printed: [] });
  });

  it('shows a changed amount as written in each version, and the funds rows by their printed labels', () => {
    const changed = edit(SUMMER, /(fiscal: \{ initial: 1700000\.00, adjusted: 1190000\.00, executed: )1190000\.00/, '$1"1,130,500.00"');
    const diff = diffForms(side(SUMMER), side(changed));
    expect(diff.source.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual(['资金情况「其中：财政拨款」全年执行数 1190000.00 → 1,130,500.00']);
    expect(diff.printed.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '资金情况「其中：财政拨款」全年执行数 1,190,000.00 → 1,130,500.00',
      '资金情况「其中：财政拨款」执行率 100 → 95',
      '资金情况「其中：财政拨款」执行率得分 10.00 → 9.50',
      '自评总分 100.00 → 99.50',
    ]);
  });

  it('reports an indicator row added or removed as one change summarising the row', () => {
    const added = edit(SUMMER, /(\n# The values the system printed)/, '\n  - { name: 新增慰问对象, unit: 人次, nature: "≥", target: 10, actual: 12, weight: 5 }$1');
    const diff = diffForms(side(SUMMER), side(added));
    expect(diff.source).toEqual([
      expect.objectContaining({
        path: 'indicators[5]',
        label: '第6个指标「新增慰问对象」',
        field: '',
        old: null,
        new: '计量单位 人次，指标性质 ≥，指标值 10，全年完成值 12，指标权重 5，是否核心指标 否',
      }),
    ]);
    // Weights 95 now: (90 + 5) × 90 ÷ 95 + 10 is still 100.00, so only the new row prints differently.
    expect(brief(diff.printed)).toEqual(['indicators[5]: null → 偏离度 20，得分系数 100，指标权重 5，指标得分 5']);
    const removed = diffForms(side(added), side(SUMMER));
    expect(removed.source.map((c) => [c.path, c.old === null, c.new])).toEqual([['indicators[5]', false, null]]);
  });

  it('labels qualitative fields, reported values and profile options in Chinese', () => {
    let changed = edit(OVERALL, '达标", actual: "1", grade: 达成, weight: 5, core: false, note: "" }', '达标", actual: "1", grade: 部分达成, coefficient: 70, weight: 5, core: false, note: "说明" }');
    changed = edit(changed, 'profile: cq2023', 'profile: { name: cq2023, total: sum }');
    changed = edit(changed, 'selfScore: "100.00"', 'selfScore: "99.50"');
    const diff = diffForms(side(OVERALL), side(changed));
    expect(diff.source.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '评分规则：自评总分算法 normalized → sum',
      '第7个指标「准确高效办理涉及疫情防控各类文件」等级 达成 → 部分达成',
      '第7个指标「准确高效办理涉及疫情防控各类文件」得分系数 null → 70',
      '第7个指标「准确高效办理涉及疫情防控各类文件」说明  → 说明',
      '报送值 自评总分 100.00 → 99.50',
    ]);
    expect(diff.printed.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '第7个指标「准确高效办理涉及疫情防控各类文件」得分系数 100 → 70',
      '第7个指标「准确高效办理涉及疫情防控各类文件」指标得分 5 → 3.5',
    ]);
    // No 自评总分 change: total: sum gives min(100, 10 + 98.5) = 100.00 (scaled to 90 it would be 98.65).
    expect(side(changed).printed.selfScore).toBe('100.00');
  });

  it('lists an added form by its 自评总分 only, and a removed one likewise', () => {
    expect(diffForms(undefined, side(SUMMER))).toEqual({
      status: 'added',
      source: [],
      printed: [{ path: 'selfScore', label: '自评总分', row: '', field: '自评总分', old: null, new: '100.00' }],
    });
    expect(diffForms(side(SUMMER), undefined).status).toBe('removed');
  });

  it('names a 项目支出 form’s fields as that form prints them: 实施单位, 上年结转资金, 一级指标, 分值, 注', () => {
    let changed = edit(NATIONAL, 'implementingUnit: 示例县农村供水管理站', 'implementingUnit: 示例县水务服务中心');
    changed = edit(changed, 'total:     { initial: 500.00, adjusted: 480.00, executed: 465.30 }', 'total:     { initial: 500.00, adjusted: 480.00, executed: 460.30 }');
    changed = edit(changed, 'carryOver: { initial: 50.00, adjusted: 50.00, executed: 45.00 }', 'carryOver: { initial: 50.00, adjusted: 50.00, executed: "40" }');
    changed = edit(changed, '  other:     { initial: 0, adjusted: 0, executed: 0 }\n', '');
    changed = edit(changed, 'actual: 93, weight: 10', 'actual: 93, weight: 8');
    changed = edit(changed, '村级管护机制, grade: 达成, weight: 6 }', '村级管护机制, grade: 达成, weight: 8 }');
    changed = edit(changed, 'note: 项目资金单位为万元；得分保留两位小数。本表为虚构示例。', 'note: 本表为虚构示例。');
    const diff = diffForms(side(NATIONAL), side(changed));
    expect(diff.source.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '实施单位 示例县农村供水管理站 → 示例县水务服务中心',
      '项目资金「年度资金总额」全年执行数 465.30 → 460.30',
      '项目资金「上年结转资金」全年执行数 45.00 → 40',
      // A row left out is blank on the form: each of its amounts is gone.
      '项目资金「其他资金」年初预算数 0 → null',
      '项目资金「其他资金」全年预算数 0 → null',
      '项目资金「其他资金」全年执行数 0 → null',
      '第10个指标「工程运行管护机制」分值 6 → 8',
      '第11个指标「受益群众满意度」分值 10 → 8',
      '注 项目资金单位为万元；得分保留两位小数。本表为虚构示例。 → 本表为虚构示例。',
    ]);
    expect(diff.printed.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '项目资金「年度资金总额」全年执行数 465.30 → 460.30',
      '项目资金「年度资金总额」执行率 96.94% → 95.9%',
      '项目资金「年度资金总额」得分 9.69 → 9.59',
      '项目资金「上年结转资金」全年执行数 45.00 → 40.00',
      '项目资金「其他资金」年初预算数 0.00 → ',
      '项目资金「其他资金」全年预算数 0.00 → ',
      '项目资金「其他资金」全年执行数 0.00 → ',
      // The 分值 moved from 满意度指标 to 效益指标: each 一级指标's merged cell, and no 偏离度/得分系数 (not printed).
      '一级指标「效益指标」分值 30 → 32',
      '一级指标「满意度指标」分值 10 → 8',
      '第10个指标「工程运行管护机制」分值 6 → 8',
      '第10个指标「工程运行管护机制」得分 6 → 8',
      '第11个指标「受益群众满意度」分值 10 → 8',
      '第11个指标「受益群众满意度」得分 10 → 8',
      '总分 97.8 → 97.7',
    ]);
  });

  it('names the 总分 row’s 分值 when the 分值 no longer add up to 100', () => {
    const diff = diffForms(side(NATIONAL), side(edit(NATIONAL, 'actual: 93, weight: 10', 'actual: 93, weight: 12')));
    expect(diff.printed.map((c) => `${c.label} ${c.old} → ${c.new}`)).toEqual([
      '一级指标「满意度指标」分值 10 → 12',
      '第11个指标「受益群众满意度」分值 10 → 12',
      '第11个指标「受益群众满意度」得分 10 → 12',
      '总分行的分值 100 → 102',
      '总分 97.8 → 99.8',
    ]);
  });

  it('names fields a form that changed family has only in its old version by the old family’s labels', () => {
    const chongqing = side(SUMMER);
    const national = side(NATIONAL);
    const diff = diffForms(chongqing, national);
    const labels = new Map(diff.source.map((c) => [c.path, c.label]));
    expect(labels.get('form')).toBe('表样');
    expect(labels.get('project.implementingUnit')).toBe('实施单位');
    expect(labels.get('project.financeOffice')).toBe('财政归口处室');
    // No field falls back to its raw path (`goals.adjusted`): every label is Chinese.
    expect(diff.source.length).toBeGreaterThan(10);
    expect(diff.source.filter((c) => /[A-Za-z]/.test(c.label)).map((c) => c.label)).toEqual([]);
  });

  it('lists an added 项目支出 form by its 总分', () => {
    expect(diffForms(undefined, side(NATIONAL)).printed).toEqual([{ path: 'selfScore', label: '总分', row: '', field: '总分', old: null, new: '97.8' }]);
  });
});
