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
 * Three departments (the sample; a second one with a missed indicator, a 部分达成 and a form
 * that fails; the national 项目支出 example): the summary workbook and CSV against `check --json`,
 * incremental packs, and `--by year`.
 */
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const SAMPLE = join(ROOT, 'data', '2023', 'yuzhong-gov-office');
const DEPARTMENT_A = '024-重庆市渝中区人民政府办公室';
const DEPARTMENT_B = '025-重庆市渝中区财政局';
const DEPARTMENT_N = '示例县水利局';
const tree = mkdtempSync(join(tmpdir(), 'ziping-pack-tree-'));
const out = mkdtempSync(join(tmpdir(), 'ziping-pack-out-'));
const byYear = mkdtempSync(join(tmpdir(), 'ziping-pack-year-'));
const dirB = join(tree, '2023', 'finance');
/** The national 项目支出 example (总分 97.8), a department of its own. */
const dirN = join(tree, '2023', 'water');
const NATIONAL = join(ROOT, 'data', 'examples', 'national-2023', 'rural-water-supply.yaml');

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
  mkdirSync(dirN, { recursive: true });
  writeFileSync(join(dirN, 'rural-water-supply.yaml'), readFileSync(NATIONAL, 'utf8').replace('../../form.schema.json', '../../../form.schema.json'));
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

/** The workbook's data rows as objects keyed by header (a formula cell as ExcelJS reads it: `{ formula, result }`). */
function sheetRows(): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    // cell.result, not cell.value.result: ExcelJS's value drops a cached result of 0.
    const value = (cell: ExcelJS.Cell) => (cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : (cell.value ?? null));
    rows.push(Object.fromEntries(headers.map((h, i) => [h, value(row.getCell(i + 1))])));
  }
  return rows;
}

/** A cell as a reader that does not recalculate sees it: a formula's cached result, else the value. */
function shown(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'formula' in value ? (value as unknown as { result: unknown }).result : value;
}

const FUNDS_FIELDS = { initial: '年初预算数（元）', adjusted: '全年（调整）预算数（元）', executed: '全年执行数（元）' } as const;
const GROUPS = { total: '年度资金总额', fiscal: '其中：财政拨款' } as const;
/** The printed rows each column group takes, per form family (DESIGN §4, §5). */
const ROW_LABELS = { total: ['年度总金额', '年度资金总额'], fiscal: ['其中：财政拨款', '其中：当年财政拨款'] };

/** A form's printed funds row of one group, its amounts in 元 (项目支出 prints 万元). */
function printedFunds(form: CheckForm, group: keyof typeof GROUPS) {
  const row = form.printed!.funds.find((r) => ROW_LABELS[group].includes(r.row));
  const factor = form.form === '项目支出' ? 10000 : 1;
  const amount = (key: keyof typeof FUNDS_FIELDS) => (row ? new Decimal(row[key].replaceAll(',', '')).times(factor) : null);
  return { row, amount, rate: row?.rate ? row.rate.replace(/%$/, '') : null };
}

const isOverall = (form: CheckForm) => form.form === '部门整体';
const departmentOf = (form: CheckForm) => (form.file.startsWith(dirB) ? DEPARTMENT_B : form.file.startsWith(dirN) ? DEPARTMENT_N : DEPARTMENT_A);

describe('pack of two departments, one form failing', () => {
  it('packs each department, leaves the failing form out, names it, and exits 1', () => {
    expect(firstStatus).toBe(1);
    expect(firstRun.failed.map((f) => f.file)).toEqual([join(dirB, 'broken.yaml')]);
    expect(firstRun.packs.map((p) => [p.department, p.forms, p.missing.length])).toEqual([
      [DEPARTMENT_A, 3, 0],
      [DEPARTMENT_B, 2, 1],
      [DEPARTMENT_N, 1, 0],
    ]);
  });

  it('summary workbook: one row per packed form, each amount column from one labelled printed row', () => {
    const rows = sheetRows().filter((row) => ['部门整体', '二级项目', '项目支出'].includes(String(row['表单类型'])));
    const ok = checked.filter((form) => form.ok);
    expect(rows).toHaveLength(ok.length);
    for (const form of ok) {
      const row = rows.find((r) => r['项目编码'] === form.project.code)!;
      expect(row, form.file).toBeDefined();
      const expected: Record<string, unknown> = {
        部门: departmentOf(form),
        表单类型: form.form,
        项目名称: form.project.name,
        自评总分: Number(form.printed!.selfScore),
        警告数: form.warnings.length,
        源文件: form.file,
      };
      for (const group of ['total', 'fiscal'] as const) {
        const funds = printedFunds(form, group);
        expect(funds.row, `${form.file} ${group}`).toBeDefined();
        for (const [key, header] of Object.entries(FUNDS_FIELDS)) expected[`${GROUPS[group]}·${header}`] = funds.amount(key as keyof typeof FUNDS_FIELDS)!.toNumber();
        // Blank where the row prints no 执行率 (年度总金额 on cq2023, 当年财政拨款 on 项目支出).
        expected[`${GROUPS[group]}·执行率（%）`] = funds.rate === null ? null : Number(funds.rate);
      }
      expect(row).toEqual(expect.objectContaining(expected));
    }
    const unmet = Object.fromEntries(rows.map((r) => [String(r['源文件']).split('/').pop(), r['未达成指标数']]));
    expect(unmet).toEqual({ 'department-overall.yaml': 0, 'summer-visits.yaml': 0, 'research-and-information.yaml': 0, 'visits.yaml': 1, 'research.yaml': 1, 'rural-water-supply.yaml': 2 });
    expect(rows.find((r) => r['源文件'] === join(dirB, 'visits.yaml'))!['警告数']).toBeGreaterThan(0);
  });

  it('summary workbook: 部门整体 and projects subtotalled apart, then the year’s total of each', () => {
    expect(sheetRows().map((r) => `${r['部门'] ?? ''} ${r['表单类型']} ${r['项目名称']}`.trim())).toEqual([
      expect.stringMatching(`^${DEPARTMENT_A} 部门整体 `),
      `${DEPARTMENT_A} 部门整体小计 1 个表单`,
      expect.stringMatching(`^${DEPARTMENT_A} 二级项目 `),
      expect.stringMatching(`^${DEPARTMENT_A} 二级项目 `),
      `${DEPARTMENT_A} 项目小计 2 个表单`,
      expect.stringMatching(`^${DEPARTMENT_B} 二级项目 `),
      expect.stringMatching(`^${DEPARTMENT_B} 二级项目 `),
      `${DEPARTMENT_B} 项目小计 2 个表单`,
      expect.stringMatching(`^${DEPARTMENT_N} 项目支出 `),
      `${DEPARTMENT_N} 项目小计 1 个表单`,
      '部门整体合计 1 个表单',
      '项目合计 5 个表单',
    ]);
  });

  it('summary workbook: each subtotal a SUM over its own block, cached with the exact sum of the printed amounts', () => {
    const rows = sheetRows();
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    const ok = checked.filter((form) => form.ok);
    let checkedSubtotals = 0;
    rows.forEach((row, index) => {
      const label = String(row['表单类型']);
      if (!label.endsWith('小计')) return;
      const overall = label === '部门整体小计';
      const block = ok.filter((form) => departmentOf(form) === row['部门'] && isOverall(form) === overall);
      // The block is the rows right above, nothing of the other kind inside.
      const first = index - block.length;
      expect(rows.slice(first, index).map((r) => r['项目编码']).sort()).toEqual(block.map((f) => f.project.code).sort());
      const range = (name: string) => `SUM(${letter(name)}${first + 2}:${letter(name)}${index + 1})`;
      for (const group of ['total', 'fiscal'] as const) {
        for (const [key, field] of Object.entries(FUNDS_FIELDS)) {
          const name = `${GROUPS[group]}·${field}`;
          const sum = block.reduce((total, form) => total.plus(printedFunds(form, group).amount(key as keyof typeof FUNDS_FIELDS)!), new Decimal(0));
          expect(row[name], `${row['部门']} ${label} ${name}`).toEqual({ formula: range(name), result: sum.toNumber() });
        }
      }
      expect(row['未达成指标数']).toMatchObject({ formula: range('未达成指标数') });
      expect(row['警告数']).toEqual({ formula: range('警告数'), result: block.reduce((n, form) => n + form.warnings.length, 0) });
      expect(row['自评总分']).toBeNull();
      checkedSubtotals += 1;
    });
    expect(checkedSubtotals).toBe(4);
  });

  it('summary workbook: a subtotal’s 执行率 is a formula of its own sums, only where its forms print one', () => {
    const rows = sheetRows();
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const cell = (name: string, index: number) => `${String.fromCharCode(65 + header.indexOf(name))}${index + 2}`;
    const subtotalA = rows.findIndex((r) => r['部门'] === DEPARTMENT_A && r['表单类型'] === '项目小计');
    const forms = checked.filter((f) => f.ok && departmentOf(f) === DEPARTMENT_A && !isOverall(f));
    const sum = (key: 'adjusted' | 'executed') => forms.reduce((total, f) => total.plus(printedFunds(f, 'fiscal').amount(key)!), new Decimal(0));
    const rate = sum('executed').div(sum('adjusted')).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const adjusted = cell('其中：财政拨款·全年（调整）预算数（元）', subtotalA);
    const executed = cell('其中：财政拨款·全年执行数（元）', subtotalA);
    expect(rows[subtotalA]['其中：财政拨款·执行率（%）']).toEqual({ formula: `IF(${adjusted}=0,"",ROUND(${executed}/${adjusted}*100,2))`, result: rate.toNumber() });
    // cq2023 prints no 执行率 on 年度总金额, so neither does its subtotal; 项目支出 prints it there only.
    expect(rows[subtotalA]['年度资金总额·执行率（%）']).toBeNull();
    const subtotalN = rows.find((r) => r['部门'] === DEPARTMENT_N && r['表单类型'] === '项目小计')!;
    expect(shown(subtotalN['年度资金总额·执行率（%）'])).toBe(96.94);
    expect(subtotalN['其中：财政拨款·执行率（%）']).toBeNull();
  });

  it('summary workbook: the year’s totals add their kind of subtotal (SUMIF), cached exactly', () => {
    const rows = sheetRows();
    const last = rows.length - 2 + 1; // the last row above the two totals, as a sheet row
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    const ok = checked.filter((form) => form.ok);
    for (const [label, subtotal, overall] of [['部门整体合计', '部门整体小计', true], ['项目合计', '项目小计', false]] as const) {
      const row = rows.find((r) => r['表单类型'] === label)!;
      const forms = ok.filter((form) => isOverall(form) === overall);
      for (const group of ['total', 'fiscal'] as const) {
        const name = `${GROUPS[group]}·全年执行数（元）`;
        const sum = forms.reduce((total, form) => total.plus(printedFunds(form, group).amount('executed')!), new Decimal(0));
        const col = letter(name);
        expect(row[name]).toEqual({ formula: `SUMIF($B$2:$B$${last},"${subtotal}",${col}2:${col}${last})`, result: sum.toNumber() });
      }
    }
  });

  it('summary workbook: frozen header, filters, codes as text, amounts #,##0.00, printed values with their printed decimals', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const cellOf = (code: string, name: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(header.indexOf('项目编码') + 1).value === code) return sheet.getRow(r).getCell(header.indexOf(name) + 1);
      throw new Error(code);
    };
    const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
    const formatOf = (text: string) => (decimals(text) === 0 ? '0' : `0.${'0'.repeat(decimals(text))}`);
    for (const form of checked.filter((f) => f.ok)) {
      // 97.8 (项目支出) shows 97.8, 100.00 (cq2023) shows 100.00.
      expect(cellOf(form.project.code, '自评总分').numFmt, form.file).toBe(formatOf(form.printed!.selfScore));
      expect(cellOf(form.project.code, '年度资金总额·全年执行数（元）').numFmt).toBe('#,##0.00');
      const rated = form.form === '项目支出' ? '年度资金总额·执行率（%）' : '其中：财政拨款·执行率（%）';
      expect(cellOf(form.project.code, rated).numFmt).toBe(formatOf(printedFunds(form, form.form === '项目支出' ? 'total' : 'fiscal').rate!));
      expect(typeof cellOf(form.project.code, '项目编码').value).toBe('string');
    }
    expect(cellOf('EXAMPLE-2023-0001', '自评总分').numFmt).toBe('0.0');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('summary workbook: a 说明 sheet defines every column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'packs', '2023', 'summary.xlsx'));
    const notes = workbook.getWorksheet('说明')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const defined = new Map<string, string>();
    for (let r = 2; r <= notes.rowCount; r++) defined.set(String(notes.getRow(r).getCell(1).value), String(notes.getRow(r).getCell(2).value));
    expect([...defined.keys()]).toEqual(header);
    expect(defined.get('其中：财政拨款·全年执行数（元）')).toContain('其中：当年财政拨款');
  });

  it('summary CSV: UTF-8 with BOM, the workbook’s columns and rows, printed values as printed, sums as their values', () => {
    const bytes = readFileSync(join(out, 'packs', '2023', 'summary.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).trimEnd().split('\r\n');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(lines[0]).toBe(header.join(','));
    const rows = sheetRows();
    expect(lines).toHaveLength(rows.length + 1);
    rows.forEach((row, index) => {
      const cells = lines[index + 1].split(',');
      expect(cells).toHaveLength(header.length);
      header.forEach((name, c) => {
        const value = shown(row[name]);
        expect(cells[c] === '' ? null : typeof value === 'number' ? Number(cells[c]) : cells[c], `${index} ${name}`).toBe(value);
      });
    });
    const national = lines.find((line) => line.includes('EXAMPLE-2023-0001'))!.split(',');
    expect(national[header.indexOf('自评总分')]).toBe(checked.find((f) => f.project.code === 'EXAMPLE-2023-0001')!.printed!.selfScore);
  });

  it('remakes only the pack whose form changed', () => {
    writeFileSync(join(dirB, 'visits.yaml'), readFileSync(join(dirB, 'visits.yaml'), 'utf8').replace('actual: 150', 'actual: 160'));
    const result = runPack([tree, '--out', out, '--json'], EPOCH);
    const outcome = JSON.parse(result.stdout) as typeof firstRun & { summaries: { written: boolean }[] };
    expect(outcome.packs.map((p) => [p.department, p.written])).toEqual([
      [DEPARTMENT_A, false],
      [DEPARTMENT_B, true],
      [DEPARTMENT_N, false],
    ]);
    expect(outcome.summaries.map((s) => s.written)).toEqual([true]);
  });

  it('--by year: one pack of the year with every department, forms by department', async () => {
    const result = runPack([tree, '--out', byYear, '--by', 'year', '--json'], EPOCH);
    const outcome = JSON.parse(result.stdout) as typeof firstRun;
    expect(outcome.packs).toHaveLength(1);
    expect(outcome.packs[0].file).toBe(join(byYear, 'packs', '2023', '2023年度.pdf'));
    const pack = await PDFDocument.load(readFileSync(outcome.packs[0].file));
    // Cover, contents, then every page of each packed form (5 one-page Chongqing forms, the 项目支出 form's own count).
    const nationalPages = (await PDFDocument.load(readFileSync(join(byYear, '2023', 'water', 'rural-water-supply.pdf')))).getPageCount();
    expect(pack.getPageCount()).toBe(1 + 1 + 5 + nationalPages);
    expect(pack.getAuthor()).toBe('');
  });
});
