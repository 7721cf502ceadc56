import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { CELL_GAP, convertWithSoffice, pageCount, pageLines, pageSize } from './support/pdf-reading.js';
import { runCli } from './support/run-cli.js';

/**
 * The format 重庆2021部门整体 (templates/重庆2021部门整体, data only): the older Chongqing system's
 * 部门整体绩效自评表 with 年初指标值 (sign + target) and 调整指标值 in their own columns, 定量指标/定性指标,
 * 得分系数 with %, no 偏离度 or 说明 column. The example in data/examples/chongqing-2021 is built by
 * the shipped command; the DOCX is read through LibreOffice (own profile) to see what a user sees.
 */
const pdftotext = externalTool('pdftotext');
const soffice = externalTool('soffice');
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const EXAMPLE = 'data/examples/chongqing-2021/culture-tourism-department.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ziping-cq2021-'));
const out = join(dir, 'out');
const officeDir = join(dir, 'office');
const PDF = join(out, 'culture-tourism-department.pdf');
const DOCX = join(out, 'culture-tourism-department.docx');
const OFFICE_PDF = join(officeDir, 'culture-tourism-department.pdf');

const HEADERS = ['指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数(%)', '指标权重(分)', '指标得分(分)', '是否核心指标'];



interface PlacedWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}
const placedWords = (pdf: string): PlacedWord[] =>
  [...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, text]) => ({ text: text!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), xMin: Number(xMin), xMax: Number(xMax), yMin: Number(yMin) }),
  );
/** The cells, left to right, on the line whose first cell starts with `anchor` (one-line cells share a top). */
function rowCells(words: PlacedWord[], anchor: string): string[] {
  const start = words.find((word) => word.text.startsWith(anchor));
  if (!start) throw new Error(`no word ${anchor}`);
  const line = words.filter((word) => Math.abs(word.yMin - start.yMin) < 1).sort((a, b) => a.xMin - b.xMin);
  const cells: string[] = [];
  let end = -Infinity;
  for (const word of line) {
    if (word.xMin - end > CELL_GAP) cells.push('');
    cells[cells.length - 1] += word.text;
    end = word.xMax;
  }
  return cells;
}

let build: { status: number; stderr: string; stdout: string };
beforeAll(() => {
  build = runCli(['build', EXAMPLE, '--out', out, '--format', 'pdf,docx'], { env: EPOCH });
  if (build.status === 0 && soffice.available) {
    convertWithSoffice([DOCX], officeDir, dir);
  }
}, 400_000);

describe('format 重庆2021部门整体: the example form', () => {
  it('builds without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('0 条警告');
  });

  it('check --json: scored by cq2023 against 年初指标值 (target), the 调整指标值 only printed', () => {
    const result = runCli(['check', EXAMPLE, '--json']);
    expect(result.status).toBe(0);
    const [form] = JSON.parse(result.stdout).forms;
    expect(form).toMatchObject({ ok: true, errors: [], warnings: [] });
    const printed = form.printed;
    const row = (name: string) => printed.indicators.find((indicator: { name: string }) => indicator.name === name);
    // ≥45 missed with 41.6: 41.6 ÷ 45 × 100 = 92.444… → 92.44, × 10 ÷ 100 → 9.24 (against the adjusted ≥40 it would be 100).
    expect(row('图书馆全年接待读者人次')).toMatchObject({ coefficient: '92.44', weight: '10', score: '9.24' });
    // ≤30 missed with 32 (reverseMissed: ratio): 30 ÷ 32 × 100 = 93.75, × 10 ÷ 100 = 9.375 → 9.38 (half up).
    expect(row('旅游市场投诉件数')).toMatchObject({ coefficient: '93.75', score: '9.38' });
    // 定性 部分达成 with its own coefficient 75; 达成 is 100.
    expect(row('群众文化获得感')).toMatchObject({ coefficient: '75', score: '7.5' });
    expect(row('文化惠民工程实施效果')).toMatchObject({ coefficient: '100', score: '10' });
    // 执行率 8,413,520.50 ÷ 8,650,000.00 = 97.266…% → 97.27; 执行率得分 10 × 97.27% = 9.727 → 9.73.
    expect(printed.funds[1]).toMatchObject({ row: '其中：财政拨款', rate: '97.27', rateWeight: '10.00', rateScore: '9.73' });
    // 自评总分 = 9.73 + Σ得分 × 90 ÷ Σ权重(100): Σ得分 = 7 × 10 + 9.24 + 9.38 + 7.5 = 96.12 → 9.73 + 86.508 = 96.238 → 96.24.
    expect(printed.selfScore).toBe('96.24');
  });

  it.skipIf(!pdftotext.available)(`PDF: one landscape A4 page ${pdftotext.reason}`, () => {
    expect(pageCount(PDF)).toBe(1);
    expect(pageSize(PDF)).toEqual([842, 595]);
  });

  it.skipIf(!pdftotext.available)(`PDF: the ten 2021 indicator columns in order on one row, no 偏离度 or 说明 ${pdftotext.reason}`, () => {
    const words = placedWords(PDF);
    expect(rowCells(words, '指标名称')).toEqual(HEADERS);
    const text = execFileSync('pdftotext', ['-layout', PDF, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('偏离度');
    expect(text).not.toContain('说明');
    expect(text).toContain('2021年度部门整体绩效自评表');
  });

  it.skipIf(!pdftotext.available)(`PDF: the example's values, sign inside 年初指标值, 调整指标值 as written, 得分系数 with % ${pdftotext.reason}`, () => {
    const words = placedWords(PDF);
    expect(rowCells(words, '图书馆全年接待读者人次')).toEqual(['图书馆全年接待读者人次', '万人次', '定量指标', '≥45', '≥40', '41.6', '92.44%', '10', '9.24', '是']);
    // No 调整指标值 given: the cell stays empty.
    expect(rowCells(words, '旅游市场投诉件数')).toEqual(['旅游市场投诉件数', '件', '定量指标', '≤30', '32', '93.75%', '10', '9.38', '否']);
    expect(rowCells(words, '文物保护单位安全巡查覆盖率')).toEqual(['文物保护单位安全巡查覆盖率', '%', '定量指标', '=100', '100', '100%', '10', '10', '是']);
    // 定性: no unit, the text itself as 年初指标值 (no sign), the adjusted text printed.
    expect(rowCells(words, '群众文化获得感')).toEqual(['群众文化获得感', '定性指标', '明显增强', '有所增强', '有所增强', '75%', '10', '7.5', '否']);
    expect(rowCells(words, '部门预算管理规范性')).toEqual(['部门预算管理规范性', '定性指标', '规范', '规范', '100%', '10', '10', '否']);
    // Header block and funds with their units.
    expect(rowCells(words, '项目名称')).toEqual(['项目名称：', '示例区文化和旅游发展委员会部门整体', '项目编码：', '50019921001P000031', '自评总分(分)：', '96.24']);
    expect(rowCells(words, '年初预算数')).toEqual(['年初预算数', '全年（调整）预算数', '全年执行数', '执行率(%)', '执行率权重', '执行率得分(分)']);
    expect(rowCells(words, '其中：财政拨款')).toEqual(['其中：财政拨款', '8,980,000.00', '8,650,000.00', '8,413,520.50', '97.27', '10.00', '9.73']);
  });

  it.skipIf(!pdftotext.available || !soffice.available)(`DOCX through LibreOffice: one landscape page, the same header order, the same lines as the PDF ${pdftotext.reason}${soffice.reason}`, () => {
    expect(pageCount(OFFICE_PDF)).toBe(1);
    expect(pageSize(OFFICE_PDF)).toEqual([842, 595]);
    expect(rowCells(placedWords(OFFICE_PDF), '指标名称')).toEqual(HEADERS);
    const pdf = pageLines(PDF);
    const office = pageLines(OFFICE_PDF);
    expect(office).toHaveLength(pdf.length);
    expect(office[0]!.length).toBeGreaterThan(100);
    expect(office).toEqual(pdf);
  });
});
