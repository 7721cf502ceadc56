import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormSource } from '../src/load/index.js';
import { scoreForm } from '../src/score/index.js';
import { runCli } from './support/run-cli.js';

const SAMPLE_DIR = new URL('../data/2023/yuzhong-gov-office/', import.meta.url).pathname;
const SUMMER_CODE = '50010322T000000148597';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Two copies of the sample folder in a fresh temporary folder. */
function twoCopies(): { dir: string; oldDir: string; newDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-diff-'));
  made.push(dir);
  const oldDir = path.join(dir, 'old');
  const newDir = path.join(dir, 'new');
  cpSync(SAMPLE_DIR, oldDir, { recursive: true });
  cpSync(SAMPLE_DIR, newDir, { recursive: true });
  return { dir, oldDir, newDir };
}

function edit(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${file}: ${from}`);
  writeFileSync(file, text.replace(from, to));
  return text.replace(from, to);
}

/** Runs the shipped `ziping diff` (bin/ziping.js) in `cwd`, returning its exit code and what it wrote. */
function run(args: string[], cwd?: string): { code: number; stdout: string; stderr: string } {
  const result = runCli(['diff', ...args], { cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonForm {
  file: string;
  oldFile: string | null;
  renamed: boolean;
  code: string | null;
  name: string | null;
  status: string;
  source: { path: string; label: string; old: string | null; new: string | null }[];
  printed: { path: string; label: string; old: string | null; new: string | null }[];
  errors: { code: string; file: string; line: number }[];
}

async function runJson(args: string[]): Promise<{ code: number; forms: JsonForm[]; summary: Record<string, number> }> {
  const { code, stdout } = await run([...args, '--json']);
  return { code, ...JSON.parse(stdout) };
}

describe('ziping diff of two folders', () => {
  it('shows exactly the lowered 全年完成值 and the 偏离度, 得分系数, 指标得分 and 自评总分 it changes', async () => {
    const { oldDir, newDir } = twoCopies();
    const file = path.join(newDir, 'summer-visits.yaml');
    const lowered = edit(file, 'actual: 220,', 'actual: 180,');
    // The expected values come from the score stage run on the modified form, not from this test.
    const loaded = loadFormSource(file, new TextEncoder().encode(lowered));
    if (!loaded.ok) throw new Error('modified sample does not load');
    const expected = scoreForm(loaded.form.form).printed;

    const { code, forms, summary } = await runJson([oldDir, newDir]);
    expect(code).toBe(1);
    expect(summary).toEqual({ changed: 1, added: 0, removed: 0, unchanged: 2, failed: 0, renamed: 0 });
    const changed = forms.filter((form) => form.status !== 'unchanged');
    expect(changed.map((form) => [form.file, form.oldFile, form.code, form.status])).toEqual([
      [file, path.join(oldDir, 'summer-visits.yaml'), SUMMER_CODE, 'changed'],
    ]);
    const [summer] = changed;
    expect(summer.source).toEqual([
      { path: 'indicators[0].actual', label: '第1个指标「慰问城管、住建、卫健等一线人员」全年完成值', old: '220', new: '180' },
    ]);
    expect(summer.printed).toEqual([
      { path: 'indicators[0].deviation', label: '第1个指标「慰问城管、住建、卫健等一线人员」偏离度', old: '10', new: expected.indicators[0].deviation },
      { path: 'indicators[0].coefficient', label: '第1个指标「慰问城管、住建、卫健等一线人员」得分系数', old: '100', new: expected.indicators[0].coefficient },
      { path: 'indicators[0].score', label: '第1个指标「慰问城管、住建、卫健等一线人员」指标得分', old: '20', new: expected.indicators[0].score },
      { path: 'selfScore', label: '自评总分', old: '100.00', new: expected.selfScore },
    ]);
    expect(expected.selfScore).not.toBe('100.00');
  });

  it('prints the change in Chinese, one line per row, 自评总分 on its own line', async () => {
    const { oldDir, newDir } = twoCopies();
    edit(path.join(newDir, 'summer-visits.yaml'), 'actual: 220,', 'actual: 180,');
    const { code, stdout } = await run([oldDir, newDir]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        `${path.join(newDir, 'summer-visits.yaml')}  夏季慰问及元旦、春节慰问（${SUMMER_CODE}）`,
        '  数据：第1个指标「慰问城管、住建、卫健等一线人员」全年完成值 220 → 180',
        '  结果：第1个指标「慰问城管、住建、卫健等一线人员」偏离度 10 → -10；得分系数 100 → 90；指标得分 20 → 18',
        '        自评总分 100.00 → 98.00',
        '比较了 3 个表单：1 个有改动，2 个没有变化',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 with "没有差异" for identical folders', async () => {
    const { oldDir, newDir } = twoCopies();
    const { code, stdout } = await run([oldDir, newDir]);
    expect([code, stdout]).toEqual([0, '没有差异（比较了 3 个表单）\n']);
  });

  it('pairs a renamed file by its 项目编码, not as removed + added', async () => {
    const { oldDir, newDir } = twoCopies();
    renameSync(path.join(newDir, 'summer-visits.yaml'), path.join(newDir, `${SUMMER_CODE}-夏季慰问.yaml`));
    const { code, forms } = await runJson([oldDir, newDir]);
    expect(code).toBe(1);
    const moved = forms.filter((form) => form.renamed);
    expect(moved.map((form) => [path.basename(form.oldFile!), path.basename(form.file), form.status])).toEqual([
      ['summer-visits.yaml', `${SUMMER_CODE}-夏季慰问.yaml`, 'unchanged'],
    ]);
    expect(forms.map((form) => form.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const text = await run([oldDir, newDir]);
    expect(text.stdout).toContain(`summer-visits.yaml → ${path.join(newDir, `${SUMMER_CODE}-夏季慰问.yaml`)}  夏季慰问及元旦、春节慰问（${SUMMER_CODE}）（内容没有变化）`);
  });

  it('lists forms added and removed', async () => {
    const { oldDir, newDir } = twoCopies();
    rmSync(path.join(newDir, 'research-and-information.yaml'));
    const copy = path.join(newDir, 'summer-visits-copy.yaml');
    cpSync(path.join(newDir, 'summer-visits.yaml'), copy);
    edit(copy, `code: "${SUMMER_CODE}"`, 'code: "50010322T000000999999"');
    const { code, forms } = await runJson([oldDir, newDir]);
    expect(code).toBe(1);
    expect(forms.filter((f) => f.status !== 'unchanged').map((f) => [path.basename(f.file), f.status, f.code, f.printed])).toEqual([
      ['research-and-information.yaml', 'removed', '50010322T000000148601', [{ path: 'selfScore', label: '自评总分', old: '100.00', new: null }]],
      ['summer-visits-copy.yaml', 'added', '50010322T000000999999', [{ path: 'selfScore', label: '自评总分', old: null, new: '100.00' }]],
    ]);
    const { stdout } = await run([oldDir, newDir]);
    expect(stdout).toContain(`删除表单：${path.join(oldDir, 'research-and-information.yaml')}  国家、市级调研课题、政府报告、信息工作（50010322T000000148601）  自评总分 100.00`);
    expect(stdout).toContain(`新增表单：${copy}  夏季慰问及元旦、春节慰问（50010322T000000999999）  自评总分 100.00`);
    expect(stdout).toContain('比较了 4 个表单：1 个新增，1 个删除，2 个没有变化');
  });

  it('reports a form whose new version is broken YAML with its diagnostics, compares the rest, and exits 2', async () => {
    const { oldDir, newDir } = twoCopies();
    edit(path.join(newDir, 'summer-visits.yaml'), 'indicators:\n', 'indicators:\n  - { name: 未闭合\n');
    edit(path.join(newDir, 'department-overall.yaml'), 'actual: 93,', 'actual: 80,');
    const { code, forms } = await runJson([oldDir, newDir]);
    expect(code).toBe(2);
    const byName = new Map(forms.map((form) => [path.basename(form.file), form]));
    const broken = byName.get('summer-visits.yaml')!;
    expect(broken.status).toBe('failed');
    expect(broken.code).toBe(SUMMER_CODE); // from the old version, which loaded
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors.every((error) => error.code.startsWith('E_YAML') && error.file === path.join(newDir, 'summer-visits.yaml'))).toBe(true);
    expect(byName.get('department-overall.yaml')!.status).toBe('changed');
    const { stdout } = await run([oldDir, newDir]);
    expect(stdout).toContain(`无法比较：${path.join(oldDir, 'summer-visits.yaml')} → ${path.join(newDir, 'summer-visits.yaml')}`);
    expect(stdout).toMatch(/ {2}错误 .*summer-visits\.yaml:\d+:\d+ .*\[E_YAML/);
  });
});

describe('ziping diff of two files', () => {
  it('compares the two files as one form even when their names differ', async () => {
    const { oldDir, newDir } = twoCopies();
    const renamed = path.join(newDir, 'renamed.yaml');
    renameSync(path.join(newDir, 'summer-visits.yaml'), renamed);
    edit(renamed, 'weight: 10, core: false', 'weight: 10, core: true');
    const { code, forms } = await runJson([path.join(oldDir, 'summer-visits.yaml'), renamed]);
    expect(code).toBe(1);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ status: 'changed', renamed: false, printed: [] });
    expect(forms[0].source).toEqual([{ path: 'indicators[2].core', label: '第3个指标「慰问水电气企业等一线人员」是否核心指标', old: '否', new: '是' }]);
  });

  it('is bad usage to compare a file with a folder, or to give one path', async () => {
    const { oldDir, newDir } = twoCopies();
    const mixed = await run([path.join(oldDir, 'summer-visits.yaml'), newDir]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('请比较两个文件或两个文件夹');
    const usage = run([oldDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('请给出要比较的两个文件或两个文件夹');
  });
});
