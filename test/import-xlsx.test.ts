import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { sampleWorkbook } from './support/sample-workbook.js';

const SAMPLE_PATH = new URL('./fixtures/yuzhong-2023-self-evaluation.txt', import.meta.url).pathname;
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const PROVENANCE = /^# 由 ziping import 从 .*$/m;

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  col: number;
  sheet?: string;
  cell?: string;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ziping-import-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const workbookBytes = async (workbook: ExcelJS.Workbook) => new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
/** Row (1-based) of the sheet whose first cell is `label`. */
const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (!found && String(row.getCell(1).value ?? '').replace(/\s/g, '') === label) found = number;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
};

beforeAll(async () => {
  writeFileSync(at('sample.xlsx'), await workbookBytes(await sampleWorkbook(SAMPLE)));
});

describe('ziping import of a workbook laid out as the printed form', () => {
  it('imports the sample export saved as a workbook to the same YAML as the text export', () => {
    const fromText = runCli(['import', SAMPLE_PATH, '-o', at('from-text')]);
    const fromXlsx = runCli(['import', at('sample.xlsx'), '-o', at('from-xlsx')]);
    expect(fromText.status).toBe(0);
    expect([fromXlsx.status, fromXlsx.stderr]).toEqual([0, '']);
    const names = readdirSync(at('from-text')).filter((name) => name.endsWith('.yaml')).sort();
    expect(names).toHaveLength(3);
    expect(readdirSync(at('from-xlsx')).sort()).toEqual(readdirSync(at('from-text')).sort());
    const all = names.map((name) => readFileSync(path.join(at('from-xlsx'), name), 'utf8')).join('\n');
    expect(all).toContain('total: { initial: 1700000.00, adjusted: 1190000.00, executed: 1190000.00 }');
    names.forEach((name) => {
      const xlsx = readFileSync(path.join(at('from-xlsx'), name), 'utf8');
      const text = readFileSync(path.join(at('from-text'), name), 'utf8');
      // Only the provenance comment differs: it names the sheet and its row.
      expect(xlsx.match(PROVENANCE)?.[0]).toMatch(/^# 由 ziping import 从 sample\.xlsx 工作表“表[123]” 第 1 行导入（2023年度(部门整体|二级项目)绩效自评表）$/);
      expect(xlsx.replace(PROVENANCE, '#')).toBe(text.replace(PROVENANCE, '#'));
    });
    const checked = JSON.parse(runCli(['check', '--json', at('from-xlsx')]).stdout) as { forms: { ok: boolean; warnings: unknown[]; printed: { selfScore: string } }[] };
    expect(checked.forms.map((form) => [form.ok, form.warnings, form.printed.selfScore])).toEqual(Array(3).fill([true, [], '100.00']));
  });

  it('tells a workbook by its ZIP signature, whatever the file is called', () => {
    writeFileSync(at('导出.dat'), readFileSync(at('sample.xlsx')));
    const result = runCli(['import', at('导出.dat'), '-o', at('from-dat'), '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { written: string[] }).written).toHaveLength(3);
  });

  it('locates a bad cell by sheet and cell, in text and in JSON', async () => {
    const workbook = await sampleWorkbook(SAMPLE);
    const sheet = workbook.getWorksheet('表2')!;
    const fiscal = rowOf(sheet, '其中:财政拨款');
    sheet.getCell(fiscal, 2).value = '一百万';
    const amountAsDate = workbook.getWorksheet('表3')!;
    const total = rowOf(amountAsDate, '年度总金额');
    amountAsDate.getCell(total, 3).numFmt = 'yyyy-mm-dd';
    writeFileSync(at('bad.xlsx'), await workbookBytes(workbook));

    const result = runCli(['import', at('bad.xlsx'), '-o', at('from-bad')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${at('bad.xlsx')}:表2!B${fiscal} funds.fiscal — “年初预算数”不是有效的数字：“一百万” [E_EXPORT_MALFORMED]`);
    expect(result.stderr).toContain(`${at('bad.xlsx')}:表3!C${total} — 单元格是日期格式（yyyy-mm-dd）的数字`);
    expect(result.stdout).toContain('写出 1 个 YAML');

    const json = JSON.parse(runCli(['import', at('bad.xlsx'), '-o', at('from-bad-json'), '--json']).stdout) as { diagnostics: JsonDiagnostic[] };
    expect(json.diagnostics.map(({ code, sheet: name, cell, line, col }) => ({ code, sheet: name, cell, line, col }))).toEqual([
      // Cells that cannot be read come first (while reading the workbook), then what the form parser finds.
      { code: 'E_XLSX_DATE_CELL', sheet: '表3', cell: `C${total}`, line: total, col: 3 },
      { code: 'E_EXPORT_MALFORMED', sheet: '表2', cell: `B${fiscal}`, line: fiscal, col: 2 },
    ]);
  });

  it('gives one located error for a corrupt, encrypted, old or empty workbook and still imports the others', async () => {
    writeFileSync(at('corrupt.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(at('encrypted.xlsx'), ole);
    writeFileSync(at('old.xls'), ole);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    writeFileSync(at('empty.xlsx'), await workbookBytes(empty));
    const files = ['corrupt.xlsx', 'encrypted.xlsx', 'old.xls', 'empty.xlsx', 'sample.xlsx'].map(at);

    const result = runCli(['import', ...files, '-o', at('from-mixed'), '--json']);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(result.stdout) as { written: string[]; diagnostics: JsonDiagnostic[] };
    expect(report.written).toHaveLength(3);
    expect(report.diagnostics.map((d) => [path.basename(d.file), d.code, d.severity])).toEqual([
      ['corrupt.xlsx', 'E_XLSX_CORRUPT', 'error'],
      ['encrypted.xlsx', 'E_XLSX_ENCRYPTED_OR_XLS', 'error'],
      ['old.xls', 'E_XLSX_ENCRYPTED_OR_XLS', 'error'],
      ['empty.xlsx', 'E_XLSX_EMPTY', 'error'],
    ]);
    expect(report.diagnostics[2].message).toContain('.xls');
    for (const d of report.diagnostics) expect(/[\u4e00-\u9fff]/.test(d.message)).toBe(true);
    const text = runCli(['import', ...files, '-o', at('from-mixed')]);
    expect(text.stderr).toContain('另存为 .xlsx');
  });

  it('reads two forms one after another on one sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('全部');
    SAMPLE.replace(/\n$/, '')
      .split('\n')
      .forEach((line, k) => line.split('\t').forEach((cell, c) => cell !== '' && (sheet.getCell(k + 1, c + 1).value = cell)));
    writeFileSync(at('one-sheet.xlsx'), await workbookBytes(workbook));
    const result = runCli(['import', at('one-sheet.xlsx'), '-o', at('from-one-sheet')]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    for (const name of readdirSync(at('from-text')).filter((n) => n.endsWith('.yaml'))) {
      const yaml = readFileSync(path.join(at('from-one-sheet'), name), 'utf8');
      expect(yaml.replace(PROVENANCE, '#')).toBe(readFileSync(path.join(at('from-text'), name), 'utf8').replace(PROVENANCE, '#'));
      expect(yaml).toMatch(/工作表“全部” 第 (3|38|66) 行导入/);
    }
  });
});
