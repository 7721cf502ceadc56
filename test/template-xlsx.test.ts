import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ziping-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

/** Row (1-based) whose first cell is `label`. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`no row ${label}`);
}

describe('ziping template --xlsx', () => {
  it('writes the same bytes every time and never overwrites a file without --force', () => {
    const first = runCli(['template', '--xlsx', '-o', at('a.xlsx'), '--year', '2023']);
    expect(first.status).toBe(0);
    expect(runCli(['template', '--xlsx', '-o', at('b.xlsx'), '--year', '2023']).status).toBe(0);
    const bytes = readFileSync(at('a.xlsx'));
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(readFileSync(at('b.xlsx')).equals(bytes)).toBe(true);

    writeFileSync(at('mine.xlsx'), 'my own file');
    const refused = runCli(['template', '--xlsx', '-o', at('mine.xlsx'), '--year', '2023']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('E_OUTPUT_EXISTS');
    expect(readFileSync(at('mine.xlsx'), 'utf8')).toBe('my own file');
    expect(runCli(['template', '--xlsx', '-o', at('mine.xlsx'), '--year', '2023', '--force']).status).toBe(0);
    expect(readFileSync(at('mine.xlsx')).equals(bytes)).toBe(true);
    expect(runCli(['template', '-o', at('c.xlsx')]).status).toBe(2);
  });

  it('lays out one sheet per family as the printed form, plus 说明', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at('a.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['部门整体', '二级项目', '说明']);
    const sheet = workbook.getWorksheet('二级项目')!;
    expect(sheet.getCell('A1').value).toBe('2023年度二级项目绩效自评表');
    expect(sheet.getCell(rowOf(sheet, '其中：财政拨款'), 2).numFmt).toBe('#,##0.00');
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
  });

  it('imports the filled-in template, float cells as the cell shows them, to YAML that check scores by the rules', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at('a.xlsx'));
    const sheet = workbook.getWorksheet('二级项目')!;
    const set = (row: number, column: number, value: string | number) => (sheet.getCell(row, column).value = value);
    set(rowOf(sheet, '状态：'), 2, '绩效审核已审');
    const head = rowOf(sheet, '项目名称：');
    set(head, 2, '乡村教师培训');
    set(head, 4, 'T2023-001');
    set(head + 1, 2, '001-教育委员会');
    set(head + 1, 4, '003-教科文处');
    set(head + 1, 6, '张三');
    set(head + 1, 8, '63765419');
    const total = rowOf(sheet, '年度总金额');
    for (const row of [total, total + 1, total + 2]) {
      set(row, 2, 100000);
      set(row, 3, 100000);
      set(row, 4, 95000.5); // shown 95,000.50 by the template's #,##0.00
    }
    set(total + 2, 1, '一般公共预算');
    set(total + 1, 6, 10);
    const first = rowOf(sheet, '指标名称') + 1;
    // target 0.1 + 0.2 is the float 0.30000000000000004 in the file; the cell shows 0.3.
    [
      ['合格率提升', '百分点', '≥', 0.1 + 0.2, 0.1, '', 30, '否', '受疫情影响'],
      ['培训人次', '人次', '≥', 200, 220, '', 30, '是', ''],
      ['学员满意度', '无', '定性', '满意', '较满意', 90, 30, '否', ''],
    ].forEach((values, k) => {
      const [name, unit, nature, target, actual, coefficient, weight, core, note] = values;
      set(first + k, 1, name);
      set(first + k, 2, unit);
      set(first + k, 3, nature);
      set(first + k, 4, target);
      set(first + k, 5, actual);
      if (coefficient !== '') set(first + k, 7, coefficient);
      set(first + k, 8, weight);
      set(first + k, 10, core);
      if (note !== '') set(first + k, 11, note);
    });
    await workbook.xlsx.writeFile(at('filled.xlsx'));
    const zip = await JSZip.loadAsync(readFileSync(at('filled.xlsx')));
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).toContain('<v>0.30000000000000004</v>');

    const imported = runCli(['import', at('filled.xlsx'), '-o', at('data')]);
    expect(imported.status).toBe(0);
    // The 部门整体 sheet was left as the template made it: skipped with a warning, not an error.
    expect(imported.stderr).toContain('W_XLSX_UNFILLED_SHEET');
    expect(imported.stderr).toContain('部门整体');
    const file = at('data/T2023-001-乡村教师培训.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/^ {4}target: "?0\.3"?$/m);
    expect(yaml).toMatch(/^ {4}actual: "?0\.1"?$/m);
    expect(yaml).not.toContain('0.30000000000000004');
    expect(yaml).toContain('executed: 95000.50');
    expect(yaml).not.toContain('reported:');

    const checked = JSON.parse(runCli(['check', '--json', file]).stdout) as {
      forms: { ok: boolean; errors: unknown[]; warnings: unknown[]; printed: { selfScore: string; funds: Record<string, string>[]; indicators: Record<string, string>[] } }[];
    };
    const [form] = checked.forms;
    expect([form.ok, form.errors, form.warnings]).toEqual([true, [], []]);
    // DESIGN §4 by hand: 执行率 95000.50 / 100000 × 100 = 95.0005 → 95; 执行率得分 10 × 95 / 100 = 9.50.
    expect(form.printed.funds.find((row) => row.row === '其中：财政拨款')).toMatchObject({ rate: '95', rateWeight: '10.00', rateScore: '9.50' });
    // ≥ missed: d = (0.1 − 0.3) / 0.3 × 100 = −66.67, c = 0.1 / 0.3 × 100 = 33.33, score 30 × 33.33 / 100 = 9.999 → 10;
    // ≥ met: d = 10, c = 100, score 30; 定性 c = 90 (达成): d = 0, score 27.
    expect(form.printed.indicators.map(({ deviation, coefficient, score }) => [deviation, coefficient, score])).toEqual([
      ['-66.67', '33.33', '10'],
      ['10', '100', '30'],
      ['0', '90', '27'],
    ]);
    // 自评总分 = 9.50 + (10 + 30 + 27) × (100 − 10) / 90 = 76.50.
    expect(form.printed.selfScore).toBe('76.50');
    expect(statSync(file).size).toBeGreaterThan(0);
  });
});
