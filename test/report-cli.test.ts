import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

/**
 * `ziping report` via the shipped CLI: the sample department, the national example, and a
 * department with a missed indicator (with its reason, and the warnings its stale `reported`
 * values give) and a form that fails. Figures are checked against `check --json`.
 */
const SAMPLE = join(ROOT, 'data', '2023', 'yuzhong-gov-office');
const DEPARTMENT_A = '024-重庆市渝中区人民政府办公室';
const DEPARTMENT_B = '025-重庆市渝中区财政局';
const REASON = '部分人员轮岗，慰问推迟到次年';
const tree = mkdtempSync(join(tmpdir(), 'ziping-report-'));
const dirB = join(tree, '2023', 'finance');

interface CheckForm {
  file: string;
  ok: boolean;
  errors: { code: string }[];
  warnings: { code: string; message: string }[];
  form: string;
  project: { code: string; name: string } | null;
  printed: { selfScore: string } | null;
}
interface ReportJson {
  forms: {
    file: string;
    ok: boolean;
    department: string;
    form: string;
    code: string;
    name: string;
    selfScore: string;
    errors: { code: string }[];
    warnings: { code: string; message: string }[];
    unmet: { name: string; target: string; actual: string; reason: string }[];
  }[];
  departments: { department: string; forms: number; scored: number; meanScore: string; minScore: string; below90: number }[];
}

function departmentB(file: string, code: string, edit: (text: string) => string): string {
  const text = readFileSync(join(SAMPLE, file), 'utf8')
    .replace(`department: ${DEPARTMENT_A}`, `department: ${DEPARTMENT_B}`)
    .replace(/code: "50010322T\d+"/, `code: "${code}"`);
  return edit(text);
}

let checked: CheckForm[];
let json: ReportJson;
let status: number;
let text: { status: number; stdout: string };
const xlsx = join(tree, 'report.xlsx');

beforeAll(() => {
  cpSync(SAMPLE, join(tree, '2023', 'yuzhong-gov-office'), { recursive: true });
  mkdirSync(join(tree, '2023', 'water'), { recursive: true });
  cpSync(join(ROOT, 'data', 'examples', 'national-2023', 'rural-water-supply.yaml'), join(tree, '2023', 'water', 'rural-water-supply.yaml'));
  mkdirSync(dirB, { recursive: true });
  // 150 < 200: missed, with its reason; the form's `reported` values no longer match (warnings).
  writeFileSync(
    join(dirB, 'visits.yaml'),
    departmentB('summer-visits.yaml', '50010322T000000900001', (t) => t.replace('actual: 220, weight: 20, core: false, note: ""', `actual: 150, weight: 20, core: false, note: "${REASON}"`)),
  );
  writeFileSync(join(dirB, 'broken.yaml'), departmentB('summer-visits.yaml', '50010322T000000900003', (t) => t.replace(/fiscal: \{ initial: ([\d.]+), adjusted: [\d.]+/, 'fiscal: { initial: $1, adjusted: 0')));
  checked = (JSON.parse(runCli(['check', tree, '--json']).stdout) as { forms: CheckForm[] }).forms;
  const result = runCli(['report', tree, '--json', '-o', xlsx], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  status = result.status;
  json = JSON.parse(result.stdout);
  text = runCli(['report', tree]);
});

describe('ziping report', () => {
  it('lists every form with its department, type, code, name and printed 自评总分, and exits 1 for the failing one', () => {
    expect(status).toBe(1);
    expect(text.status).toBe(1);
    expect(json.forms.map((f) => f.file).sort()).toEqual(checked.map((f) => f.file).sort());
    for (const form of checked) {
      const row = json.forms.find((f) => f.file === form.file)!;
      expect(row.ok).toBe(form.ok);
      expect(row.selfScore).toBe(form.printed?.selfScore ?? '');
      expect(row.errors.map((e) => e.code)).toEqual(form.errors.map((e) => e.code));
      expect(row.warnings).toEqual(form.warnings);
      if (form.project) expect([row.code, row.name, row.form]).toEqual([form.project.code, form.project.name, form.form]);
    }
    expect(json.forms.find((f) => f.file === join(dirB, 'broken.yaml'))!.errors.length).toBeGreaterThan(0);
  });

  it('lists a missed indicator with its target, actual and reason; a met one not', () => {
    const visits = json.forms.find((f) => f.file === join(dirB, 'visits.yaml'))!;
    expect(visits.unmet).toEqual([{ name: '慰问城管、住建、卫健等一线人员', nature: '≥', target: '200', actual: '150', grade: '', reason: REASON }]);
    expect(visits.warnings.length).toBeGreaterThan(0);
    expect(json.forms.filter((f) => f.department === DEPARTMENT_A).every((f) => f.unmet.length === 0)).toBe(true);
    // The national example: 85 < 90, and 部分达成, each with its 偏差原因.
    const national = json.forms.find((f) => f.code === 'EXAMPLE-2023-0001')!;
    expect(national.unmet.map((u) => [u.actual, u.reason !== ''])).toEqual([
      ['85', true],
      ['基本落实', true],
    ]);
  });

  it('per department: forms, mean and lowest 自评总分 of the scored ones, and how many are below 90', () => {
    const departments = [...new Set(json.forms.map((f) => f.department))].sort();
    expect(json.departments.map((d) => d.department)).toEqual(departments);
    for (const department of json.departments) {
      const files = json.forms.filter((f) => f.department === department.department).map((f) => f.file);
      const scores = checked.filter((f) => files.includes(f.file) && f.ok).map((f) => new Decimal(f.printed!.selfScore));
      const mean = scores.reduce((a, b) => a.plus(b), new Decimal(0)).div(scores.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      expect(department).toEqual({
        department: department.department,
        forms: files.length,
        scored: scores.length,
        meanScore: mean,
        minScore: checked.find((f) => files.includes(f.file) && f.ok && new Decimal(f.printed!.selfScore).eq(Decimal.min(...scores)))!.printed!.selfScore,
        below90: scores.filter((s) => s.lt(90)).length,
      });
    }
    expect(json.departments.find((d) => d.department === DEPARTMENT_B)).toMatchObject({ forms: 2, scored: 1 });
  });

  it('prints a readable Chinese table by default', () => {
    expect(text.stdout).toContain(`${DEPARTMENT_B}  表单 2 张`);
    expect(text.stdout).toContain(`未达成 慰问城管、住建、卫健等一线人员：指标值 200，完成值 150；偏差原因：${REASON}`);
    expect(text.stdout).toMatch(/✗ .*broken\.yaml/);
  });

  it('-o writes a workbook with sheets 表单, 未达成指标 and 部门, scores shown as printed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['表单', '未达成指标', '部门']);
    const forms = workbook.getWorksheet('表单')!;
    expect(forms.rowCount).toBe(json.forms.length + 1);
    const header = (forms.getRow(1).values as string[]).slice(1);
    for (let r = 2; r <= forms.rowCount; r++) {
      const file = forms.getRow(r).getCell(header.indexOf('源文件') + 1).value;
      const form = json.forms.find((f) => f.file === file)!;
      const score = forms.getRow(r).getCell(header.indexOf('自评总分') + 1);
      if (form.selfScore === '') expect(score.value).toBeNull();
      else {
        expect(score.value).toBe(Number(form.selfScore));
        expect(score.numFmt).toBe(form.selfScore.includes('.') ? `0.${'0'.repeat(form.selfScore.split('.')[1].length)}` : '0');
      }
    }
    const unmet = workbook.getWorksheet('未达成指标')!;
    expect(unmet.rowCount - 1).toBe(json.forms.reduce((n, f) => n + f.unmet.length, 0));
    expect(workbook.getWorksheet('部门')!.rowCount - 1).toBe(json.departments.length);
  });

  it('replaces an -o workbook only if an earlier ziping report wrote it; anyone else\'s needs --force', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'ziping-report-o-')), '汇总.xlsx');
    // The tree has a form with errors (exit 1); the report is written all the same, and again over its own.
    expect(runCli(['report', tree, '-o', target]).status).toBe(1);
    expect(existsSync(target)).toBe(true);
    expect(runCli(['report', tree, '-o', target]).stderr).not.toContain('E_OUTPUT_EXISTS');

    const mine = new ExcelJS.Workbook();
    mine.addWorksheet('我的汇总').addRow(['部门', '金额']);
    await mine.xlsx.writeFile(target);
    const before = readFileSync(target);
    const refused = runCli(['report', tree, '-o', target]);
    expect(refused.stderr).toContain('E_OUTPUT_EXISTS');
    expect(readFileSync(target)).toEqual(before);
    expect(runCli(['report', tree, '-o', target, '--force']).stderr).not.toContain('E_OUTPUT_EXISTS');
    const replaced = new ExcelJS.Workbook();
    await replaced.xlsx.readFile(target);
    expect(replaced.worksheets.map((sheet) => sheet.name)).toEqual(['表单', '未达成指标', '部门']);

    const folder = join(mkdtempSync(join(tmpdir(), 'ziping-report-o-')), '报告.xlsx');
    mkdirSync(folder);
    expect(runCli(['report', tree, '-o', folder]).stderr).toContain('E_OUTPUT_IS_DIRECTORY');
  });

  it('refuses an -o that is not .xlsx (exit 2) and writes nothing', () => {
    const target = join(tree, 'report.pdf');
    const result = runCli(['report', tree, '-o', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.xlsx');
    expect(existsSync(target)).toBe(false);
  });
});
