import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { convertWithSoffice, pageCount, pageLines, pageSize } from './support/pdf-reading.js';
import { runCli } from './support/run-cli.js';

/**
 * The format 云南2022项目支出 (templates/云南2022项目支出, data only: 云南省 2022 年度部门决算公开14表
 * “项目支出绩效自评表”) on its example data/examples/yunnan-2022: built by the real CLI as PDF and
 * DOCX, the DOCX read through LibreOffice. Columns 一级指标 … 指标性质 | 指标值 | 度量单位 …, full-width
 * signs, amounts in 元, a 部门 line above the table, 评价等级 after 总分.
 */
const pdftotext = externalTool('pdftotext');
const soffice = externalTool('soffice');
const EXAMPLE = 'data/examples/yunnan-2022/rural-school-meals.yaml';
const NAME = 'rural-school-meals';
const dir = mkdtempSync(join(tmpdir(), 'ziping-yunnan-'));
const out = join(dir, 'out');
const officeDir = join(dir, 'office');
const pdf = join(out, `${NAME}.pdf`);
const officePdf = join(officeDir, `${NAME}.pdf`);

const layoutLines = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n');

/** The indicator columns in the order of the published 公开14表. */
const HEADER = /^\s*一级指标\s+二级指标\s+三级指标\s+指标性质\s+指标值\s+度量单位\s+实际完成值\s+分值\s+得分\s+偏差原因分析及改进措施\s*$/;
/** The fund columns, in order. */
const FUNDS_HEADER = /^\s*年初预算数\s+全年预算数\s+全年执行数\s+分值\s+执行率\s+得分\s*$/;

/** Hand computation of the example's figures (amounts in 元, as written in the YAML). */
const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
const RATE = round2((3712450.6 / 3850000) * 100); // 执行率 96.43%
const RATE_SCORE = round2((10 * RATE) / 100); // 9.64
const STUDENTS = round2((15 * 11860) / 12000); // 受益学生人数: 14.83 (≥, not reached: 分值 × 完成值 ÷ 指标值)
const QUALITATIVE = round2(10 * 0.75); // 定性 部分达成, coefficient 75: 7.5
const TOTAL = round2(RATE_SCORE + STUDENTS + 10 * 5 + QUALITATIVE + 15); // 96.97

let build: ReturnType<typeof runCli>;
beforeAll(() => {
  build = runCli(['build', EXAMPLE, '--out', out, '--format', 'pdf,docx'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  if (soffice.available && build.status === 0) {
    convertWithSoffice([join(out, `${NAME}.docx`)], officeDir, dir);
  }
}, 400_000);

describe('format 云南2022项目支出 (data only) on its example', () => {
  it('builds the example without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.status, build.stdout).toBe(0);
    expect(build.stdout).toContain('0 条警告');
  });

  it('check --json prints the figures computed by hand, amounts in 元', () => {
    const result = runCli(['check', EXAMPLE, '--json']);
    expect(result.status, result.stdout).toBe(0);
    const [form] = JSON.parse(result.stdout).forms;
    expect(form.ok).toBe(true);
    expect(form.form).toBe('云南2022项目支出');
    const total = form.printed.funds[0];
    expect([total.row, total.initial, total.adjusted, total.executed]).toEqual(['年度资金总额', '3,600,000.00', '3,850,000.00', '3,712,450.60']);
    expect(total.rate).toBe(`${RATE.toFixed(2)}%`);
    expect(total.rateScore).toBe(String(RATE_SCORE));
    const score = (name: string) => form.printed.indicators.find((i: { name: string }) => i.name === name).score;
    expect(score('受益学生人数')).toBe(String(STUDENTS));
    expect(score('营养改善长效管理机制')).toBe(String(QUALITATIVE));
    expect(score('每生每天补助标准')).toBe('10');
    expect(form.printed.selfScore).toBe(TOTAL.toFixed(2));
    expect(form.printed.totalWeight).toBe('100');
  });

  it.skipIf(!pdftotext.available)(`PDF: one portrait A4 page, the 部门 line, the columns in the published order ${pdftotext.reason}`, () => {
    expect(pageCount(pdf)).toBe(1);
    expect(pageSize(pdf)).toEqual([595, 842]);
    const lines = layoutLines(pdf);
    const title = lines.findIndex((line) => line.trim() === '2022年度项目支出绩效自评表');
    const department = lines.findIndex((line) => line.trim() === '部门：示例县教育体育局');
    const project = lines.findIndex((line) => /^项目名称\s+2022年农村义务教育学生营养改善计划补助资金\s*$/.test(line));
    expect(title, lines.join('\n')).toBe(0);
    expect(department).toBe(1);
    expect(project).toBe(2);
    const funds = lines.findIndex((line) => FUNDS_HEADER.test(line));
    const header = lines.findIndex((line) => HEADER.test(line));
    expect(funds, lines.join('\n')).toBeGreaterThan(project);
    expect(header, lines.join('\n')).toBeGreaterThan(funds);
    // 项目资金（元）: the unit in the label, amounts printed in 元 with thousands separators.
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(raw).toMatch(/^项目资金\n（元）\n年初预算数 全年预算数 全年执行数 分值 执行率 得分$/m);
    expect(lines.some((line) => /^\s*年度资金总额\s+3,600,000\.00\s+3,850,000\.00\s+3,712,450\.60\s+10\s+96\.43%\s+9\.64\s*$/.test(line))).toBe(true);
    expect(lines.some((line) => /^\s*上年结转资金\s+0\.00\s+250,000\.00\s+207,000\.00\s+—\s+—\s*$/.test(line))).toBe(true);
  });

  it.skipIf(!pdftotext.available)(`PDF: full-width signs in 指标性质, value and unit in columns of their own, 总分 then 评价等级 ${pdftotext.reason}`, () => {
    const lines = layoutLines(pdf);
    const text = lines.join('\n');
    const has = (pattern: RegExp) => expect(lines.some((line) => pattern.test(line)), `${pattern}\n${text}`).toBe(true);
    has(/受益学生人数\s+≧\s+12000\s+人\s+11860\s+15\s+14\.83/);
    has(/补助天数\s+≧\s+200\s+天\s+202\s+10\s+10/);
    has(/学校食堂供餐率\s+═\s+100\s+%\s+100\s+10\s+10/);
    has(/≦\s+5\s+元\s+5\s+10\s+10/);
    has(/≦\s+0\s+起\s+0\s+10\s+10/);
    has(/定性\s+健全\s+基本健全\s+10\s+7\.5/);
    has(/^\s*总分\s+100\s+96\.97\s+评价等级：优\s*$/);
    // The ASCII signs of the national form are not printed.
    expect(text).not.toMatch(/[≥≤]/);
    // 总分 is the last row of the table; only the note follows it.
    const total = lines.findIndex((line) => /总分/.test(line));
    expect(lines.slice(total + 1).join('').trim()).toBe('注：项目资金单位为元。本表为虚构示例。');
  });

  it.skipIf(!pdftotext.available || !soffice.available)(
    `DOCX through LibreOffice: one page, the same header order, the same lines as the PDF ${pdftotext.reason}${soffice.reason}`,
    () => {
      expect(pageCount(officePdf)).toBe(1);
      const lines = layoutLines(officePdf);
      expect(lines.some((line) => HEADER.test(line)), lines.join('\n')).toBe(true);
      expect(lines.some((line) => FUNDS_HEADER.test(line))).toBe(true);
      const printed = pageLines(pdf);
      const office = pageLines(officePdf);
      expect(office.length).toBe(printed.length);
      expect(office[0]).toEqual(printed[0]);
    },
  );
});
