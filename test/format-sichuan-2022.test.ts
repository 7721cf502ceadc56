import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { convertWithSoffice, pageCount, pageLines, pageSize } from './support/pdf-reading.js';
import { runCli } from './support/run-cli.js';

/**
 * The format 四川2022绩效目标自评表 (templates/四川2022绩效目标自评表, data only: 四川省 2022 年度转移支付的
 * “项目支出绩效目标自评表”) on its example data/examples/sichuan-2022: built by the real CLI as PDF and
 * DOCX, the DOCX read through LibreOffice. 项目资金 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分
 * without 年初预算数 and without a 上年结转资金 row; 分值 before 年度指标值; 一级指标 with its points;
 * 年初设定目标 | 年度总体目标完成情况综述; 项目负责人及电话 (the added project field manager).
 */
const pdftotext = externalTool('pdftotext');
const soffice = externalTool('soffice');
const EXAMPLE = 'data/examples/sichuan-2022/farmland-construction.yaml';
const NAME = 'farmland-construction';
const dir = mkdtempSync(join(tmpdir(), 'ziping-sichuan-'));
const out = join(dir, 'out');
const officeDir = join(dir, 'office');
const pdf = join(out, `${NAME}.pdf`);
const officePdf = join(officeDir, `${NAME}.pdf`);

const layoutLines = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n');

/** The indicator columns in the order of the published form: 分值 before 年度指标值. */
const HEADER = /^\s*一级指标\s+二级指标\s+三级指标\s+分值\s+年度指标值\s+全年实际值\s+得分\s+未完成原因及拟采取的改进措施\s*$/;
/** The fund columns, in order, no 年初预算数. */
const FUNDS_HEADER = /^\s*全年预算数\(A\)\s+全年执行数\(B\)\s+分值\s+执行率\(B\/A\)\s+得分\s*$/;

/** Hand computation of the example's figures (万元, as written in the YAML). */
const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
const RATE = round2((1187.4 / 1250) * 100); // 执行率 94.99%
const RATE_SCORE = round2((10 * RATE) / 100); // 9.50 → printed 9.5
const ON_TIME = round2((5 * 90) / 95); // 工程按期完工率 ≥95%, 90% reached: 4.74
const TOTAL = round2(RATE_SCORE + ON_TIME + 15 + 10 + 10 + 10 + 15 + 15 + 10); // 99.24

let build: ReturnType<typeof runCli>;
beforeAll(() => {
  build = runCli(['build', EXAMPLE, '--out', out, '--format', 'pdf,docx'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  if (soffice.available && build.status === 0) {
    convertWithSoffice([join(out, `${NAME}.docx`)], officeDir, dir);
  }
}, 400_000);

describe('format 四川2022绩效目标自评表 (data only) on its example', () => {
  it('builds the example without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.status, build.stdout).toBe(0);
    expect(build.stdout).toContain('0 条警告');
  });

  it('check --json prints the figures computed by hand, amounts in 万元', () => {
    const result = runCli(['check', EXAMPLE, '--json']);
    expect(result.status, result.stdout).toBe(0);
    const [form] = JSON.parse(result.stdout).forms;
    expect(form.ok).toBe(true);
    expect(form.form).toBe('四川2022绩效目标自评表');
    const total = form.printed.funds[0];
    expect([total.row, total.adjusted, total.executed]).toEqual(['年度资金总额', '1,250.00', '1,187.40']);
    expect(total.rate).toBe(`${RATE.toFixed(2)}%`);
    expect(total.rateScore).toBe(String(RATE_SCORE));
    const score = (name: string) => form.printed.indicators.find((i: { name: string }) => i.name === name).score;
    expect(score('工程按期完工率')).toBe(String(ON_TIME));
    expect(score('工程管护责任落实')).toBe('15');
    expect(form.printed.selfScore).toBe(TOTAL.toFixed(2));
    expect(form.printed.level1Weights).toEqual([
      { level1: '产出指标', weight: '50' },
      { level1: '效益指标', weight: '30' },
      { level1: '满意度指标', weight: '10' },
    ]);
  });

  it.skipIf(!pdftotext.available)(`PDF: one portrait A4 page, 项目负责人及电话, the fund columns and rows of the variant ${pdftotext.reason}`, () => {
    expect(pageCount(pdf)).toBe(1);
    expect(pageSize(pdf)).toEqual([595, 842]);
    const lines = layoutLines(pdf);
    const text = lines.join('\n');
    const has = (pattern: RegExp) => expect(lines.some((line) => pattern.test(line)), `${pattern}\n${text}`).toBe(true);
    has(/^\s*项目支出绩效目标自评表\s*$/);
    has(/^\s*（2022年度）\s*$/);
    has(/^\s*项目负责人及电话\s+李示例 0816-1234567\s*$/);
    has(FUNDS_HEADER);
    has(/年度资金总额\s+1,250\.00\s+1,187\.40\s+10\s+94\.99%\s+9\.5\s*$/);
    has(/其中：本年财政拨款\s+1,200\.00\s+1,150\.40\s+—\s+—\s*$/);
    has(/其他资金\s+50\.00\s+37\.00\s+—\s+—\s*$/);
    // No 年初预算数 column (its 1,200.00 of 年度资金总额 is not printed) and no 上年结转资金 row.
    expect(text).not.toContain('年初预算数');
    expect(text).not.toContain('上年结转资金');
    expect(text).not.toContain('当年财政拨款');
    has(/^\s*年初设定目标\s+年度总体目标完成情况综述\s*$/);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(raw).toMatch(/^项目资金\n（万元）\n全年预算数\(A\)/m);
    expect(lines.findIndex((line) => FUNDS_HEADER.test(line))).toBeLessThan(lines.findIndex((line) => HEADER.test(line)));
  });

  it.skipIf(!pdftotext.available)(`PDF: indicator columns with 分值 before 年度指标值, 一级指标 with its points, the 总分 row ${pdftotext.reason}`, () => {
    const lines = layoutLines(pdf);
    const text = lines.join('\n');
    const has = (pattern: RegExp) => expect(lines.some((line) => pattern.test(line)), `${pattern}\n${text}`).toBe(true);
    has(HEADER);
    has(/工程验收合格率\s+10\s+=100%\s+100%\s+10\s*$/);
    has(/工程按期完工率\s+5\s+≥95%\s+90%\s+4\.74/);
    has(/亩均财政投入\s+10\s+≤1200元\s+1150元\s+10\s*$/);
    has(/^\s*总分\s+100\s+99\.24\s*$/);
    // 一级指标(Σ分值) with ASCII parentheses, the label over two lines of its merged cell.
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    for (const label of ['产出指标\n(50分)', '效益指标\n(30分)', '满意度指标\n(10分)']) expect(raw).toContain(label);
    expect(raw).not.toMatch(/（\d+分）/);
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
