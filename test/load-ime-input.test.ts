import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';

/**
 * What finance staff type with a Chinese IME, through the real `ziping check` and `build`:
 * comparison signs spelt `>=`, `＞＝`, `≧`…, a full-width colon after a key, a tab in the
 * indentation, a number written with its unit. Each form is a sample from data/ with one change.
 */
const CHONGQING = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
const NATIONAL = readFileSync('data/examples/national-2023/rural-water-supply.yaml', 'utf8');
const pdftotext = externalTool('pdftotext');

interface JsonDiagnostic {
  code: string;
  message: string;
  file: string;
  line: number;
  col: number;
  path: string;
  hint?: string;
}
interface JsonForm {
  ok: boolean;
  errors: JsonDiagnostic[];
  warnings: JsonDiagnostic[];
  printed?: unknown;
}

function change(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the sample: ${from}`);
  return text.replace(from, to);
}

/** A temp folder holding `form.yaml` with `text`. */
function folderWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-ime-'));
  writeFileSync(join(dir, 'form.yaml'), text);
  return dir;
}

function check(text: string): { status: number; stderr: string; form: JsonForm } {
  const dir = folderWith(text);
  const json = runCli(['check', '--json', 'form.yaml'], { cwd: dir });
  const human = runCli(['check', 'form.yaml'], { cwd: dir });
  expect(json.status).toBe(human.status);
  const forms = (JSON.parse(json.stdout) as { forms: JsonForm[] }).forms;
  expect(forms).toHaveLength(1);
  return { status: json.status, stderr: human.stderr, form: forms[0] };
}

/** 1-based line and column of the first `needle` on the line holding `lineNeedle`. */
function where(text: string, lineNeedle: string, needle: string): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(lineNeedle));
  if (index === -1) throw new Error(`no line holds ${lineNeedle}`);
  return { line: index + 1, col: lines[index].indexOf(needle, lines[index].indexOf(lineNeedle)) + 1 };
}

const brief = (d: JsonDiagnostic) => ({ code: d.code, line: d.line, col: d.col, path: d.path });

describe('comparison signs as an IME or keyboard types them', () => {
  const canonical = check(NATIONAL);
  const ROWS = {
    '≥': '出厂水水质达标率, unit: "%", nature: "≥"',
    '=': '改造乡镇水厂数量, unit: 座, nature: "="',
    '≤': '每公里管网建设成本, unit: 万元, nature: "≤"',
  } as const;
  const cases: [string, keyof typeof ROWS, string][] = [
    ['>= unquoted (a folded-scalar header to YAML)', '≥', '>='],
    ['">=" quoted', '≥', '">="'],
    ['full-width ＞＝', '≥', '＞＝'],
    ['JIS ≧', '≥', '≧'],
    ['<=', '≤', '<='],
    ['full-width ＜＝', '≤', '＜＝'],
    ['≦', '≤', '≦'],
    ['full-width ＝', '=', '＝'],
    ['box-drawing ═', '=', '═'],
  ];

  it('the national sample checks clean with the signs themselves', () => {
    expect(canonical.status).toBe(0);
    expect(canonical.form.warnings).toEqual([]);
  });

  it.each(cases)('reads %s as the sign, with a located warning, scoring as the sign does', (_, sign, written) => {
    const row = ROWS[sign];
    const text = change(NATIONAL, row, row.replace(`nature: "${sign}"`, `nature: ${written}`));
    const { status, stderr, form } = check(text);
    expect(status).toBe(0);
    expect(form.ok).toBe(true);
    expect(form.errors).toEqual([]);
    const index = NATIONAL.split('\n').filter((line) => /^\s+- /.test(line)).findIndex((line) => line.includes(row.split(',')[0]));
    expect(form.warnings.map(brief)).toEqual([
      { code: 'W_OPERATOR_NORMALISED', line: where(text, row.split(',')[0], 'nature: ').line, col: where(text, row.split(',')[0], 'nature: ').col + 'nature: '.length, path: `indicators[${index}].nature` },
    ]);
    const shown = written.replace(/"/g, '');
    expect(form.warnings[0].message).toBe(`已按 ${sign} 读取“${shown}”`);
    expect(form.warnings[0].hint).toBe(`指标性质请写作 ${sign}`);
    expect(form.printed).toEqual(canonical.form.printed);
    expect(stderr).toContain('[W_OPERATOR_NORMALISED]');
  });

  it('reads `nature: >=` in a block mapping, with a comment after it', () => {
    const text = change(CHONGQING, '{ name: 慰问城管、住建、卫健等一线人员, unit: 人次, nature: "≥", target: 200, actual: 220, weight: 20, core: false, note: "" }',
      'name: 慰问城管、住建、卫健等一线人员\n    unit: 人次\n    nature: >=   # 大于等于\n    target: 200\n    actual: 220\n    weight: 20');
    const { status, form } = check(text);
    expect(status).toBe(0);
    expect(form.warnings.map(brief)).toEqual([{ code: 'W_OPERATOR_NORMALISED', ...where(text, 'nature: >=', '>='), path: 'indicators[0].nature' }]);
    expect(form.printed).toEqual(check(CHONGQING).form.printed);
  });

  it('still refuses > and ＞ alone: the form has no strict comparison', () => {
    const row = ROWS['≥'];
    for (const written of ['">"', '＞']) {
      const { status, form } = check(change(NATIONAL, row, row.replace('nature: "≥"', `nature: ${written}`)));
      expect(status).toBe(1);
      expect(form.errors.map((d) => d.code)).toEqual(['E_ENUM']);
    }
  });

  it.skipIf(!pdftotext.available)(`prints the sign, not what was typed, in the PDF ${pdftotext.reason}`, () => {
    let text = NATIONAL;
    for (const [sign, written] of [['≥', '>='], ['=', '＝'], ['≤', '≦']] as const) text = change(text, ROWS[sign], ROWS[sign].replace(`nature: "${sign}"`, `nature: ${written}`));
    const pdfText = (source: string) => {
      const dir = folderWith(source);
      const built = runCli(['build', 'form.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect(built.status, built.stderr).toBe(0);
      return execFileSync('pdftotext', ['-layout', join(dir, 'out', 'form.pdf'), '-'], { encoding: 'utf8' });
    };
    const typed = pdfText(text);
    expect(typed).toContain('≥95%');
    expect(typed).toContain('=2座');
    expect(typed).toContain('≤12万元');
    expect(typed).not.toMatch(/>=|＝|≦/);
    expect(typed).toBe(pdfText(NATIONAL));
  });
});

describe('a full-width colon after a key', () => {
  it.each([
    ['contact：李路遥', 'contact', '  contact: 李路遥', '  contact：李路遥'],
    ['name： 值 (a blank after it)', 'name', '  name: 夏季慰问及元旦、春节慰问', '  name： 夏季慰问及元旦、春节慰问'],
    ['year ：2023 (a blank before it)', 'year', 'year: 2023', 'year ：2023'],
    ['a key whose value follows on the next lines', 'project', 'project:\n', 'project：\n'],
    ['the first key of a block', 'initial', '  initial: 做好全区', '  initial：做好全区'],
    ['a key in { … }', 'name', '{ name: 慰问城管', '{ name：慰问城管'],
  ])('%s: one error at the ：', (_, key, from, to) => {
    const text = change(CHONGQING, from, to);
    const { status, stderr, form } = check(text);
    expect(status).toBe(1);
    expect(form.errors.map(brief)).toEqual([{ code: 'E_FULLWIDTH_COLON', ...where(text, to.split('\n')[0], '：'), path: '' }]);
    expect(form.errors[0].message).toBe('全角冒号“：”应为半角“: ”');
    expect(form.errors[0].hint).toContain(`${key}: `);
    expect(stderr).toMatch(new RegExp(`form\\.yaml:${form.errors[0].line}:${form.errors[0].col} — 全角冒号“：”应为半角“: ” \\[E_FULLWIDTH_COLON\\]`));
  });

  it('one error per slipped line, even on neighbouring lines', () => {
    const text = change(change(CHONGQING, '  contact: 李路遥', '  contact：李路遥'), '  phone: "63765419"', '  phone："63765419"');
    expect(check(text).form.errors.map(brief)).toEqual([
      { code: 'E_FULLWIDTH_COLON', ...where(text, 'contact：', '：'), path: '' },
      { code: 'E_FULLWIDTH_COLON', ...where(text, 'phone：', '：'), path: '' },
    ]);
  });

  it('leaves a full-width colon inside a value alone', () => {
    const text = change(change(CHONGQING, 'status: 绩效审核已审', 'status: 其中：绩效审核已审'), '  achieved: 按计划', '  achieved: 结果：按计划');
    const { status, form } = check(text);
    expect(status).toBe(0);
    expect(form.errors).toEqual([]);
  });
});

describe('a tab in the indentation', () => {
  it.each([
    ['before a key', '  contact: 李路遥', '\tcontact: 李路遥'],
    ['after spaces', '  contact: 李路遥', '  \tcontact: 李路遥'],
    ['before a list item', '  - { name: 慰问公安', '\t- { name: 慰问公安'],
  ])('%s: one error at the tab, no cascade', (_, from, to) => {
    const text = change(CHONGQING, from, to);
    const { status, stderr, form } = check(text);
    expect(status).toBe(1);
    expect(form.errors.map(brief)).toEqual([{ code: 'E_TAB_INDENT', ...where(text, to, '\t'), path: '' }]);
    expect(form.errors[0].message).toBe('YAML 不允许用 Tab 缩进');
    expect(form.errors[0].hint).toContain('空格');
    expect(stderr.match(/错误 /g)).toHaveLength(1);
  });

  it('one error per line', () => {
    const text = change(change(CHONGQING, '  contact: 李路遥', '\tcontact: 李路遥'), '  phone: "63765419"', '\tphone: "63765419"');
    expect(check(text).form.errors.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      `${where(text, '\tcontact', '\t').line}:1 E_TAB_INDENT`,
      `${where(text, '\tphone', '\t').line}:1 E_TAB_INDENT`,
    ]);
  });

  it('accepts a tab inside a block of text (|), where YAML allows it', () => {
    const text = change(CHONGQING, '  achieved: 按计划做好了全区2023年元旦春节及夏季慰问工作。', '  achieved: |\n    按计划做好了：\n    \t全区2023年元旦春节及夏季慰问工作。');
    expect(check(text).status).toBe(0);
  });
});

describe('a number written with its unit', () => {
  const numberError = (text: string) => {
    const { status, form } = check(text);
    expect(status).toBe(1);
    expect(form.errors).toHaveLength(1);
    expect(form.errors[0].code).toBe('E_NUMBER');
    return form.errors[0];
  };

  it('a score (分值) with 分: write the number only', () => {
    const text = change(CHONGQING, 'actual: 220, weight: 20,', 'actual: 220, weight: 20分,');
    const error = numberError(text);
    expect(brief(error)).toEqual({ code: 'E_NUMBER', ...where(text, 'weight: 20分', '20分'), path: 'indicators[0].weight' });
    expect(error.message).toBe('指标权重：“20分”不是有效的数字（不要写单位“分”）');
    expect(error.hint).toBe('分值只写数字，不写“分”：weight: 20');
    expect(numberError(change(CHONGQING, 'rateWeight: 10', 'rateWeight: 10分')).hint).toBe('分值只写数字，不写“分”：rateWeight: 10');
  });

  it('an amount with 万 on a form in 元: the unit, and the conversion written out', () => {
    const text = change(CHONGQING, 'total:  { initial: 1700000.00', 'total:  { initial: 170万');
    const error = numberError(text);
    expect(brief(error)).toEqual({ code: 'E_NUMBER', ...where(text, '170万', '170万'), path: 'funds.total.initial' });
    expect(error.message).toBe('年初预算数：“170万”不是有效的数字（不要写单位“万”）');
    expect(error.hint).toBe('本表金额的单位是元，只写数字：170 万元 = 1700000 元，应写作 1700000（请核对）');
    expect(numberError(change(CHONGQING, 'total:  { initial: 1700000.00', 'total:  { initial: 1700000元')).hint).toBe(
      '本表金额的单位是元，只写数字，不写“元”：initial: 1700000',
    );
  });

  it('an amount on the 项目支出 form, in funds.unit (万元 by default)', () => {
    const same = numberError(change(NATIONAL, 'total:     { initial: 500.00', 'total:     { initial: 500万元'));
    expect(same.hint).toBe('本表金额的单位是万元（funds.unit），只写数字，不写“万元”：initial: 500');
    const other = numberError(change(NATIONAL, 'total:     { initial: 500.00', 'total:     { initial: 5000000元'));
    expect(other.hint).toBe('本表金额的单位是万元（funds.unit），只写数字：5000000 元 = 500 万元，应写作 500（请核对）；或把 funds.unit 改为 元 后写 5000000');
  });

  it('a quantitative target with its unit: the unit goes in unit', () => {
    const error = numberError(change(CHONGQING, 'target: 200, actual: 220, weight: 20,', 'target: 200人次, actual: 220, weight: 20,'));
    expect(error.path).toBe('indicators[0].target');
    expect(error.message).toContain('不要写单位“人次”');
    expect(error.hint).toBe('计量单位写在 unit 中，这里只写数字：target: 200');
  });

  it('keeps the number-format hint for other bad numbers', () => {
    expect(numberError(change(CHONGQING, 'rateWeight: 10', 'rateWeight: 十')).hint).toBe('数字写作 1190000、1190000.00 或 "1,190,000.00"（含逗号时加引号）');
  });
});
