import { builtInFormats } from '../src/load/format/format-registry.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { formJsonSchemaText } from '../src/load/form-json-schema.js';
import { loadFormSource } from '../src/load/index.js';

/** The 项目支出 family of the form schema: its fields, its rules, its messages. */
const SAMPLE = readFileSync('data/examples/national-2023/rural-water-supply.yaml', 'utf8');
const load = (text: string) => loadFormSource('x.yaml', new TextEncoder().encode(text));
const errorsOf = (text: string) => load(text).diagnostics.filter((d) => d.severity === 'error');
const brief = (d: Diagnostic) => `${d.line}:${d.col} ${d.code} ${d.path}`;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

function change(from: string, to: string): string {
  if (!SAMPLE.includes(from)) throw new Error(`not in the sample: ${from}`);
  return SAMPLE.replace(from, to);
}

describe('the 项目支出 form schema', () => {
  it('loads the national example with defaults: profile mof2020, amounts exact', () => {
    const result = load(SAMPLE);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok || result.form.form.form !== '项目支出') throw new Error('expected a 项目支出 form');
    const { form } = result.form;
    expect(form.profile).toEqual({ name: 'mof2020' });
    expect(form.funds.unit).toBe('万元');
    expect(form.funds.total.executed.toString()).toBe('465.3');
    expect(form.indicators.map((i) => `${i.level1}/${i.level2}`).slice(0, 3)).toEqual(['产出指标/数量指标', '产出指标/数量指标', '产出指标/质量指标']);
    expect(load(SAMPLE.replace('profile: mof2020\n', '')).ok).toBe(true);
  });

  it('names all three families when form: is unknown, on its value', () => {
    const errors = errorsOf(change('form: 项目支出', 'form: 三级项目'));
    expect(errors.map(brief)).toEqual([`${lineOf(SAMPLE, 'form: 项目支出')}:7 E_ENUM form`]);
    const names = builtInFormats().formats.map((format) => format.name);
    expect(names).toEqual(expect.arrayContaining(['部门整体', '二级项目', '项目支出']));
    expect(errors[0].message).toBe(`表样：应为 ${names.slice(0, -1).join('、')} 或 ${names.at(-1)}，实际是“三级项目”`);
  });

  it('reports a missing field with the national form\'s own names', () => {
    const errors = errorsOf(change('  implementingUnit: 示例县农村供水管理站\n', ''));
    expect(errors.map((d) => d.message)).toEqual(['缺少必填字段：实施单位（implementingUnit）']);
    const rateWeight = errorsOf(change('  rateWeight: 10', '  rateWeight: -10'));
    expect(rateWeight.map((d) => [d.code, d.path, d.message])).toEqual([['E_NEGATIVE', 'funds.rateWeight', '分值：“-10”不能为负数']]);
  });

  it('suggests the national key for a misspelt one, and rejects the Chongqing-only fields', () => {
    const misspelt = errorsOf(change('implementingUnit:', 'implementingUnt:'));
    expect(misspelt.map((d) => [d.code, d.path, d.hint])).toEqual([['E_UNKNOWN_FIELD', 'project.implementingUnt', '是否应为 implementingUnit？']]);
    const status = errorsOf(change('year: 2023\n', 'year: 2023\nstatus: 绩效审核已审\n'));
    expect(status.map((d) => [d.code, d.path])).toEqual([['E_UNKNOWN_FIELD', 'status']]);
    expect(errorsOf(change('profile: mof2020', 'profile: cq2023')).map((d) => [d.code, d.path])).toEqual([['E_ENUM', 'profile']]);
  });

  it('holds each 二级指标 to its 一级指标', () => {
    const text = change('level2: 成本指标', 'level2: 社会效益指标');
    const errors = errorsOf(text);
    expect(errors.map((d) => [d.code, d.path])).toEqual([['E_INDICATOR_LEVEL', 'indicators[5].level2']]);
    expect(errors[0].message).toBe('二级指标：“社会效益指标”属于效益指标，不属于产出指标');
    expect(errors[0].line).toBe(lineOf(text, 'level2: 社会效益指标, name: 每公里'));
  });

  it('wants the rows of one 一级/二级指标 next to each other, as the form merges them', () => {
    const moved = change('level1: 满意度指标, level2: 服务对象满意度指标, name: 受益群众满意度', 'level1: 产出指标, level2: 数量指标, name: 受益群众满意度');
    expect(errorsOf(moved).map((d) => [d.code, d.path])).toEqual([['E_INDICATOR_ORDER', 'indicators[10].level1']]);
    const split = change('level1: 产出指标, level2: 质量指标, name: 工程竣工验收合格率', 'level1: 产出指标, level2: 数量指标, name: 工程竣工验收合格率');
    expect(errorsOf(split).map((d) => [d.code, d.path])).toEqual([['E_INDICATOR_ORDER', 'indicators[3].level2']]);
  });

  it('checks 定性 and quantitative rows as the Chongqing forms do', () => {
    const errors = errorsOf(change('grade: 部分达成\n    coefficient: 75', 'grade: 部分达成'));
    expect(errors.map((d) => d.code)).toEqual(['E_COEFFICIENT_REQUIRED']);
    expect(errorsOf(change('target: 35, actual: 36.5', 'target: 约35, actual: 36.5')).map((d) => d.code)).toEqual(['E_NUMBER']);
  });
});

describe('the editor JSON Schema', () => {
  const schema = JSON.parse(formJsonSchemaText()) as Record<string, any>;

  it('offers both families\' fields and holds each to its own through if/then/else on form', () => {
    expect(Object.keys(schema.properties.project.properties)).toEqual(
      expect.arrayContaining(['name', 'code', 'department', 'financeOffice', 'implementingUnit']),
    );
    expect(Object.keys(schema.properties.indicators.items.properties)).toEqual(expect.arrayContaining(['level1', 'level2', 'core']));
    // One if/then per format whose fields differ, the first format's (部门整体, 二级项目) the last else.
    const branches: Array<{ if: unknown; then: Record<string, any> }> = [];
    let last: Record<string, any> = schema;
    while (last.if) {
      branches.push({ if: last.if, then: last.then });
      last = last.else;
    }
    // Formats with the same fields (项目支出 and 云南2022项目支出) share a branch.
    const selects = (branch: { if: any }, name: string) => branch.if.properties.form.const === name || (branch.if.properties.form.enum ?? []).includes(name);
    const national = branches.find((branch) => selects(branch, '项目支出'));
    expect(national).toBeDefined();
    expect(national!.then.properties.project.required).toEqual(['name', 'code', 'department', 'implementingUnit']);
    expect(national!.then.properties.project.properties.financeOffice).toBeUndefined();
    expect(last.properties.project.properties.implementingUnit).toBeUndefined();
    expect(last.properties.form.enum).toEqual(['部门整体', '二级项目']);
  });
});
