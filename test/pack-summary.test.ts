import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

/**
 * Two departments (the sample, and a second one with a missed indicator, a 部分达成 and a
 * form that fails): the summary workbook and CSV against `check --json`, incremental packs,
 * and `--by year`.
 */
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const SAMPLE = join(ROOT, 'data', '2023', 'yuzhong-gov-office');
const DEPARTMENT_A = '024-重庆市渝中区人民政府办公室';
const DEPARTMENT_B = '025-重庆市渝中区财政局';
const tree = mkdtempSync(join(tmpdir(), 'ziping-pack-tree-'));
const out = mkdtempSync(join(tmpdir(), 'ziping-pack-out-'));
const byYear = mkdtempSync(join(tmpdir(), 'ziping-pack-year-'));
const dirB = join(tree, '2023', 'finance');

function runPack(args: string[], env: Record<string, string> = {}) {
  return runCli(['pack', ...args], { env });
}

function departmentB(file: string, code: string, edit: (text: string) => string = (t) => t): string {
  const text = readFileSync(join(SAMPLE, file), 'utf8')
    .replace(`department: ${DEPARTMENT_A}`, `department: ${DEPARTMENT_B}`)
    .replace(/code: "50010322T\d+"/, `code: "${code}"`);
  return edit(text);
}

interface CheckForm {
  file: string;
  ok: boolean;
  warnings: unknown[];
  form: string;
  project: { code: string; name: string };
  printed: { selfScore: string; funds: { row: string; initial: string; adjusted: string; executed: string; rate?: string }[] } | null;
}

let firstRun: { packs: { file: string; department: string; forms: number; missing: string[]; written: boolean }[]; failed: { file: string }[] };
let firstStatus: number;
let checked: CheckForm[];
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  cpSync(SAMPLE, join(tree, '2023', 'yuzhong-gov-office'), { recursive: true });
  mkdirSync(dirB, { recursive: true });
  // A missed quantitative target (150 < 200): 1 indicator not met, and warnings (reported score differs).
  writeFileSync(join(dirB, 'visits.yaml'), departmentB('summer-visits.yaml', '50010322T000000900001', (t) => t.replace('actual: 220', 'actual: 150')));
  // A qualitative indicator graded 部分达成: not met.
  writeFileSync(
    join(dirB, 'research.yaml'),
    departmentB('research-and-information.yaml', '50010322T000000900002', (t) => t.replace('grade: 达成, weight: 20', 'grade: 部分达成, coefficient: 70, weight: 20')),
  );
  // A form that fails scoring (财政拨款 adjusted 0): left out of B's pack and reported.
  writeFileSync(join(dirB, 'broken.yaml'), departmentB('summer-visits.yaml', '50010322T000000900003', (t) => t.replace(/fiscal: \{ initial: ([\d.]+), adjusted: [\d.]+/, 'fiscal: { initial: $1, adjusted: 0')));

  const result = runPack([tree, '--out', out, '--json'], EPOCH);
  firstStatus = result.status;
  expect(result.stderr).toBe('');
  firstRun = JSON.parse(result.stdout);
  checked = (JSON.parse(runCli(['check', tree, '--json']).stdout) as { forms: CheckForm[] }).forms;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(out, 'packs', '2023', 'summary.xlsx'));
  sheet = workbook.getWorksheet('汇总')!;
});

/** The workbook's data rows as objects keyed by header. */
function sheetRows(): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

const plain = (amount: string) => Number(amount.replaceAll(',', ''));

describe('pack of two departments, one form failing', () => {
  it('packs each department, leaves the failing form out, names it, and exits 1', () => {
    expect(firstStatus).toBe(1);
    expect(firstRun.failed.map((f) => f.file)).toEqual([join(dirB, 'broken.yaml')]);
    expect(firstRun.packs.map((p) => [p.department, p.forms, p.missing.length])).toEqual([
      [DEPARTMENT_A, 3, 0],
      [DEPARTMENT_B, 2, 1],
    ]);
  });

  it('summary workbook: one row per packed form with the values of check --json', () => {
    const rows = sheetRows().filter((row) => row['表单类型'] !== '合计');
    const ok = checked.filter((form) => form.ok);
    expect(rows).toHaveLength(ok.length);
    for (const form of ok) {
      const row = rows.find((r) => r['项目编码'] === form.project.code)!;
      expect(row, form.file).toBeDefined();
      const fiscal = form.printed!.funds.find((f) => f.row === '其中：财政拨款')!;
      expect(row).toMatchObject({
        部门: form.file.startsWith(dirB) ? DEPARTMENT_B : DEPARTMENT_A,
        表单类型: form.form,
        项目名称: form.project.name,
        '年初预算数（元）': plain(fiscal.initial),
        '全年（调整）预算数（元）': plain(fiscal.adjusted),
        '全年执行数（元）': plain(fiscal.executed),
        '执行率（%）': Number(fiscal.rate),
        自评总分: Number(form.printed!.selfScore),
        警告数: form.warnings.length,
        源文件: form.file,
      });
    }
    const unmet = Object.fromEntries(rows.map((r) => [String(r['源文件']).split('/').pop(), r['未达成指标数']]));
    expect(unmet).toEqual({ 'department-overall.yaml': 0, 'summer-visits.yaml': 0, 'research-and-information.yaml': 0, 'visits.yaml': 1, 'research.yaml': 1 });
    expect(rows.find((r) => r['源文件'] === join(dirB, 'visits.yaml'))!['警告数']).toBeGreaterThan(0);
  });

  it('summary workbook: a total row after each department with exact sums', () => {
    const rows = sheetRows();
    expect(rows.map((r) => `${r['部门']} ${r['表单类型']}`)).toEqual([
      `${DEPARTMENT_A} 部门整体`,
      `${DEPARTMENT_A} 二级项目`,
      `${DEPARTMENT_A} 二级项目`,
      `${DEPARTMENT_A} 合计`,
      `${DEPARTMENT_B} 二级项目`,
      `${DEPARTMENT_B} 二级项目`,
      `${DEPARTMENT_B} 合计`,
    ]);
    for (const department of [DEPARTMENT_A, DEPARTMENT_B]) {
      const forms = checked.filter((f) => f.ok && (department === DEPARTMENT_B) === f.file.startsWith(dirB));
      const sum = (key: 'initial' | 'adjusted' | 'executed') =>
        forms.reduce((total, f) => total.plus(f.printed!.funds.find((r) => r.row === '其中：财政拨款')![key].replaceAll(',', '')), new Decimal(0)).toNumber();
      const total = rows.find((r) => r['部门'] === department && r['表单类型'] === '合计')!;
      expect([total['年初预算数（元）'], total['全年（调整）预算数（元）'], total['全年执行数（元）']]).toEqual([sum('initial'), sum('adjusted'), sum('executed')]);
      expect(total['项目名称']).toBe(`${forms.length} 个表单`);
    }
  });

  it('summary workbook: frozen header row, filters, number formats, codes as text', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => sheet.getColumn(header.indexOf(name) + 1);
    expect(column('全年执行数（元）').numFmt).toBe('#,##0.00');
    expect(column('自评总分').numFmt).toBe('0.00');
    expect(typeof sheet.getRow(2).getCell(header.indexOf('项目编码') + 1).value).toBe('string');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('summary CSV: UTF-8 with BOM, Chinese intact, the same rows as the workbook', () => {
    const bytes = readFileSync(join(out, 'packs', '2023', 'summary.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('部门,表单类型,项目编码,项目名称,年初预算数（元）,全年（调整）预算数（元）,全年执行数（元）,执行率（%）,自评总分,未达成指标数,警告数,源文件');
    const rows = sheetRows();
    expect(lines).toHaveLength(rows.length + 1);
    rows.forEach((row, index) => {
      const cells = lines[index + 1].split(',');
      expect(cells[0]).toBe(row['部门']);
      expect(cells[3]).toBe(row['项目名称']);
      expect(Number(cells[6])).toBe(row['全年执行数（元）']);
      expect(cells[8] === '' ? null : Number(cells[8])).toBe(row['自评总分']);
    });
  });

  it('remakes only the pack whose form changed', () => {
    writeFileSync(join(dirB, 'visits.yaml'), readFileSync(join(dirB, 'visits.yaml'), 'utf8').replace('actual: 150', 'actual: 160'));
    const result = runPack([tree, '--out', out, '--json'], EPOCH);
    const outcome = JSON.parse(result.stdout) as typeof firstRun & { summaries: { written: boolean }[] };
    expect(outcome.packs.map((p) => [p.department, p.written])).toEqual([
      [DEPARTMENT_A, false],
      [DEPARTMENT_B, true],
    ]);
    expect(outcome.summaries.map((s) => s.written)).toEqual([true]);
  });

  it('--by year: one pack of the year with every department, forms by department', async () => {
    const result = runPack([tree, '--out', byYear, '--by', 'year', '--json'], EPOCH);
    const outcome = JSON.parse(result.stdout) as typeof firstRun;
    expect(outcome.packs).toHaveLength(1);
    expect(outcome.packs[0].file).toBe(join(byYear, 'packs', '2023', '2023年度.pdf'));
    const pack = await PDFDocument.load(readFileSync(outcome.packs[0].file));
    expect(pack.getPageCount()).toBe(1 + 1 + 5);
    expect(pack.getAuthor()).toBe('');
  });
});
