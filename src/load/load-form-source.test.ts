import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadFormSource } from './load-form-source.js';

const FORM = `form: 二级项目
year: 2023
project:
  name: 测试项目
  code: "50010322T000000000001"
  department: 024-测试部门
funds:
  total: { initial: 1700000.00, adjusted: 1190000.00, executed: 1190000.00 }
  fiscal: { initial: 1700000.00, adjusted: 1190000.00, executed: 1190000.00 }
  rateWeight: 10
goals: { initial: 做好慰问工作。 }
indicators:
  - name: 慰问一线人员
    unit: 人次
    nature: "≥"
    target: 200
    actual: 220
    weight: 45
  - { name: 保障安全稳定, nature: 定性, target: "100", actual: "1", grade: 达成, weight: 45 }
`;

const encode = (text: string) => new TextEncoder().encode(text);
const load = (text: string) => loadFormSource('x.yaml', encode(text));
const errorsOf = (text: string) => load(text).diagnostics.filter((d) => d.severity === 'error');
const brief = (d: Diagnostic) => `${d.line}:${d.col} ${d.code} ${d.path}`;

function withChange(from: string, to: string): string {
  if (!FORM.includes(from)) throw new Error(`not in FORM: ${from}`);
  return FORM.replace(from, to);
}

describe('loadFormSource', () => {
  it('loads a valid form with defaults filled in', () => {
    const result = load(FORM);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok || result.form.form.form === '项目支出') throw new Error('expected a loaded 二级项目 form');
    const { form } = result.form;
    expect(form.year).toBe(2023);
    expect(form.profile).toEqual({ name: 'cq2023', reverseMissed: 'ratio', total: 'normalized', deviationNote: true });
    expect(form.funds.sources).toEqual([]);
    expect(form.goals).toEqual({ initial: '做好慰问工作。', adjusted: '', achieved: '' });
    expect(form.indicators[0]).toMatchObject({ target: '200', actual: '220', core: false, note: '', unit: '人次' });
    expect(form.indicators[0].weight.toString()).toBe('45');
    expect(result.form.text).toBe(FORM);
  });

  it.each(['1190000', '1190000.00', '"1,190,000.00"', "'1,190,000.00'", '" 1190000 "'])('accepts the amount %s exactly', (written) => {
    const result = load(withChange('adjusted: 1190000.00, executed: 1190000.00 }\n  rateWeight', `adjusted: ${written}, executed: 1190000.00 }\n  rateWeight`));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.form.form.funds.fiscal.adjusted).toBeInstanceOf(Decimal);
    expect(result.form.form.funds.fiscal.adjusted.eq('1190000')).toBe(true);
  });

  it('keeps every digit of a long amount', () => {
    const result = load(withChange('executed: 1190000.00 }\n  rateWeight', 'executed: "12,345,678,901,234,567.891" }\n  rateWeight'));
    if (!result.ok) throw new Error('expected ok');
    expect(result.form.form.funds.fiscal.executed.toFixed()).toBe('12345678901234567.891');
  });

  it.each([
    ['abc', 'E_NUMBER', '不是有效的数字'],
    ['NaN', 'E_NUMBER', '不是有限的数值'],
    ['.nan', 'E_NUMBER', '不是有限的数值'],
    ['.inf', 'E_NUMBER', '不是有限的数值'],
    ['1e999', 'E_NUMBER', '不支持科学计数法'],
    ['"1,2,3"', 'E_NUMBER', '千位分隔符'],
    ['"1190,000"', 'E_NUMBER', '千位分隔符'],
    ['１２３', 'E_NUMBER', '全角'],
    ['-5', 'E_NEGATIVE', '不能为负数'],
    ['"-1,190,000.00"', 'E_NEGATIVE', '不能为负数'],
  ])('rejects the amount %s with %s', (written, code, words) => {
    const errors = errorsOf(withChange('  rateWeight: 10', `  rateWeight: ${written}`));
    expect(errors.map(brief)).toEqual([`10:15 ${code} funds.rateWeight`]);
    expect(errors[0].message).toContain('执行率权重');
    expect(errors[0].message).toContain(words);
  });

  it('reads ~, null and an empty value as empty text', () => {
    const result = load(withChange('goals: { initial: 做好慰问工作。 }', 'goals:\n  initial: ~\n  adjusted: null\n  achieved:'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.form.form.goals).toEqual({ initial: '', adjusted: '', achieved: '' });
  });

  it('reads 是/否 and true/false for core', () => {
    const result = load(withChange('    weight: 45\n', '    weight: 45\n    core: 是\n').replace('grade: 达成,', 'grade: 达成, core: "false",'));
    if (!result.ok || result.form.form.form === '项目支出') throw new Error(JSON.stringify(result.diagnostics));
    expect(result.form.form.indicators.map((i) => i.core)).toEqual([true, false]);
  });

  it('accepts the profile by name or as options', () => {
    const byName = load(`profile: cq2023\n${FORM}`);
    const byOptions = load(`profile: { reverseMissed: linear, total: sum }\n${FORM}`);
    if (!byName.ok || !byOptions.ok) throw new Error('expected ok');
    expect(byName.form.form.profile).toEqual({ name: 'cq2023', reverseMissed: 'ratio', total: 'normalized', deviationNote: true });
    expect(byOptions.form.form.profile).toEqual({ name: 'cq2023', reverseMissed: 'linear', total: 'sum', deviationNote: true });
  });

  it('reports a bad profile on the part that is wrong', () => {
    expect(errorsOf(`profile: cq2024\n${FORM}`).map(brief)).toEqual(['1:10 E_ENUM profile']);
    expect(errorsOf(`profile: { name: cq2023, total: avg }\n${FORM}`).map(brief)).toEqual(['1:33 E_ENUM profile.total']);
    expect(errorsOf(`profile: { totl: sum }\n${FORM}`).map(brief)).toEqual(['1:12 E_UNKNOWN_FIELD profile.totl']);
  });

  it('names the intended key of a misspelt one instead of reporting it missing', () => {
    const errors = errorsOf(withChange('    weight: 45\n', '    weigth: 45\n'));
    expect(errors.map(brief)).toEqual(['18:5 E_UNKNOWN_FIELD indicators[0].weigth']);
    expect(errors[0].hint).toBe('是否应为 weight？');
  });

  it('reports a missing field on its parent map, in Chinese', () => {
    const errors = errorsOf(withChange('  code: "50010322T000000000001"\n', ''));
    expect(errors.map(brief)).toEqual(['4:3 E_REQUIRED project.code']);
    expect(errors[0].message).toBe('缺少必填字段：项目编码（code）');
  });

  it('reports wrong shapes as E_TYPE', () => {
    expect(errorsOf(withChange('    weight: 45\n', '    weight: [45]\n')).map(brief)).toEqual(['18:13 E_TYPE indicators[0].weight']);
    expect(errorsOf(withChange('indicators:\n', 'indicators:\n  x: 1\nignored:\n')).map(brief)[0]).toBe('13:3 E_TYPE indicators');
  });

  it('checks the coefficient band on the printed (rounded) value', () => {
    const graded = (grade: string, coefficient: string) =>
      errorsOf(withChange('grade: 达成,', `grade: ${grade}, coefficient: ${coefficient},`)).map((d) => d.code);
    expect(graded('达成', '80')).toEqual([]);
    expect(graded('达成', '100')).toEqual([]);
    expect(graded('达成', '100.004')).toEqual([]);
    expect(graded('达成', '100.01')).toEqual(['E_COEFFICIENT_BAND']);
    expect(graded('部分达成', '79.99')).toEqual([]);
    expect(graded('部分达成', '79.995')).toEqual(['E_COEFFICIENT_BAND']);
    expect(graded('部分达成', '59.99')).toEqual(['E_COEFFICIENT_BAND']);
    expect(graded('未达成', '0')).toEqual([]);
    expect(graded('未达成', '-1')).toEqual(['E_COEFFICIENT_BAND']);
    expect(graded('未达成', '60')).toEqual(['E_COEFFICIENT_BAND']);
  });

  it('requires numbers for quantitative target and actual only', () => {
    expect(errorsOf(withChange('    actual: 220', '    actual: 约220')).map(brief)).toEqual(['17:13 E_NUMBER indicators[0].actual']);
    expect(errorsOf(withChange('target: "100"', 'target: 前10'))).toEqual([]);
  });

  it('reports a duplicate key where it repeats', () => {
    expect(errorsOf(withChange('    unit: 人次\n', '    unit: 人次\n    unit: 次\n')).map(brief)).toEqual(['15:5 E_DUPLICATE_KEY ']);
  });

  it('warns about an unsupported tag but keeps the text', () => {
    const result = load(withChange('    weight: 45\n', '    weight: !!int 45\n'));
    expect(result.diagnostics.map(brief)).toEqual(['18:13 W_YAML_TAG ']);
    if (!result.ok) throw new Error('expected ok');
    expect(result.form.form.indicators[0].weight.toString()).toBe('45');
  });

  it('locates field paths, falling back to the nearest existing parent', () => {
    const result = load(FORM);
    if (!result.ok) throw new Error('expected ok');
    const { locate } = result.form;
    expect(locate(['indicators', 0, 'actual'])).toEqual({ line: 17, col: 13 });
    expect(locate(['indicators', 1, 'weight'])).toEqual({ line: 19, col: 80 });
    expect(locate(['indicators', 1, 'note'])).toEqual({ line: 19, col: 5 });
    expect(locate(['indicators', 7, 'note'])).toEqual({ line: 13, col: 3 });
    expect(locate(['funds', 'sources'])).toEqual({ line: 8, col: 3 });
    expect(locate([])).toEqual({ line: 1, col: 1 });
  });

  it('reads Windows line endings with the same positions', () => {
    const result = load(FORM.replace(/\n/g, '\r\n'));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.form.form.goals.initial).toBe('做好慰问工作。');
    expect(result.form.locate(['indicators', 0, 'actual'])).toEqual({ line: 17, col: 13 });
    expect(errorsOf(FORM.replace('  rateWeight: 10', '  rateWeight: x').replace(/\n/g, '\r\n')).map(brief)).toEqual(['10:15 E_NUMBER funds.rateWeight']);
  });

  it('lists at most 50 problems and says how many more there are', () => {
    const junk = Array.from({ length: 80 }, (_, i) => `junk${i}: x\n`).join('');
    const errors = errorsOf(FORM + junk);
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatchObject({ code: 'E_MORE_PROBLEMS', message: '另有 30 个问题未列出' });
  });
});
