import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffGit } from '../src/diff/index.js';
import { runCli } from './support/run-cli.js';

const SAMPLE_DIR = new URL('../data/2023/yuzhong-gov-office/', import.meta.url).pathname;
const SUMMER_CODE = '50010322T000000148597';
const FORMS = 'data/2023/yuzhong-gov-office';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A repository holding the sample forms in one commit, with a README that is not a form. */
function sampleRepository(): string {
  const repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'ziping-diff-git-')));
  made.push(repo);
  mkdirSync(path.join(repo, FORMS), { recursive: true });
  cpSync(SAMPLE_DIR, path.join(repo, FORMS), { recursive: true });
  writeFileSync(path.join(repo, 'README.md'), '# forms\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=ziping', '-c', 'user.email=ziping@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'sample');
  return repo;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${file}: ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** Runs `fn` with the repository as working directory (the CLI resolves paths against it). */
async function inside<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}

/** Runs the shipped `ziping diff` (bin/ziping.js) in `cwd`, returning its exit code and what it wrote. */
function run(args: string[], cwd?: string): { code: number; stdout: string; stderr: string } {
  const result = runCli(['diff', ...args], { cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ziping diff --git', () => {
  it('compares the working tree with a revision: a changed value, a rename to a Chinese name, a removed form', async () => {
    const repo = sampleRepository();
    const forms = path.join(repo, FORMS);
    edit(path.join(forms, 'summer-visits.yaml'), 'actual: 220,', 'actual: 180,');
    renameSync(path.join(forms, 'department-overall.yaml'), path.join(forms, '部门整体.yaml'));
    rmSync(path.join(forms, 'research-and-information.yaml'));

    const diff = await inside(repo, () => diffGit('HEAD', ['data']));
    // In code-unit order of the path within the repository: 部门整体.yaml sorts after ASCII names.
    expect(diff.forms.map((form) => [form.oldFile, form.file, form.status, form.renamed])).toEqual([
      [`HEAD:${FORMS}/research-and-information.yaml`, `HEAD:${FORMS}/research-and-information.yaml`, 'removed', false],
      [`HEAD:${FORMS}/summer-visits.yaml`, `${FORMS}/summer-visits.yaml`, 'changed', false],
      [`HEAD:${FORMS}/department-overall.yaml`, `${FORMS}/部门整体.yaml`, 'unchanged', true],
    ]);
    const summer = diff.forms[1];
    expect(summer.source.map((c) => `${c.path} ${c.old} → ${c.new}`)).toEqual(['indicators[0].actual 220 → 180']);
    expect(summer.printed.map((c) => `${c.path} ${c.old} → ${c.new}`)).toEqual([
      'indicators[0].deviation 10 → -10',
      'indicators[0].coefficient 100 → 90',
      'indicators[0].score 20 → 18',
      'selfScore 100.00 → 98.00',
    ]);

    const { code, stdout } = run(['--git', 'HEAD', '.'], path.join(repo, 'data'));
    expect(code).toBe(1);
    // Paths are shown relative to the working directory, the old ones marked with the revision.
    expect(stdout).toContain(`\n2023/yuzhong-gov-office/summer-visits.yaml  夏季慰问及元旦、春节慰问（${SUMMER_CODE}）\n`);
    expect(stdout).toContain(`HEAD:2023/yuzhong-gov-office/department-overall.yaml → 2023/yuzhong-gov-office/部门整体.yaml`);
    expect(stdout).toContain('删除表单：HEAD:2023/yuzhong-gov-office/research-and-information.yaml');
    expect(stdout).toContain('比较了 3 个表单：1 个有改动，1 个删除，1 个改名或移动，1 个没有变化');
  });

  it('exits 0 when the working tree matches the revision, and lists a form added since', async () => {
    const repo = sampleRepository();
    expect(run(['--git', 'HEAD'], repo)).toMatchObject({ code: 0, stdout: '没有差异（比较了 3 个表单）\n' });
    const copy = path.join(repo, FORMS, 'new-form.yaml');
    cpSync(path.join(repo, FORMS, 'summer-visits.yaml'), copy);
    edit(copy, SUMMER_CODE, '50010322T000000999999');
    const { code, stdout } = run(['--git', 'HEAD', FORMS, '--json'], repo);
    expect(code).toBe(1);
    const added = JSON.parse(stdout).forms.filter((form: { status: string }) => form.status === 'added');
    expect(added.map((form: { file: string; code: string }) => [form.file, form.code])).toEqual([[`${FORMS}/new-form.yaml`, '50010322T000000999999']]);
  });

  it('reports a committed version that no longer loads against a fixed working copy, without crashing', async () => {
    const repo = sampleRepository();
    const file = path.join(repo, FORMS, 'summer-visits.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('form: 二级项目', 'form: [二级项目'));
    execFileSync('git', ['-c', 'user.name=z', '-c', 'user.email=z@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qam', 'broken'], { cwd: repo });
    writeFileSync(file, good);
    const { code, stdout } = run(['--git', 'HEAD'], repo);
    expect(code).toBe(2);
    expect(stdout).toContain(`无法比较：HEAD:${FORMS}/summer-visits.yaml → ${FORMS}/summer-visits.yaml  夏季慰问及元旦、春节慰问（${SUMMER_CODE}）`);
    expect(stdout).toMatch(new RegExp(`错误 HEAD:${FORMS}/summer-visits\\.yaml:\\d+:\\d+ .*\\[E_YAML`));
  });

  it('exits 2 with a Chinese message for an unknown revision or outside a repository', async () => {
    const repo = sampleRepository();
    const unknown = run(['--git', 'no-such-branch'], repo);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('git 中没有版本“no-such-branch”');
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'ziping-diff-nogit-')));
    made.push(outside);
    const result = run(['--git', 'HEAD'], outside);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^错误：git rev-parse 失败：/);
    // A revision that git would read as an option is refused before git sees it.
    const option = run(['--git=--output=x'], repo);
    expect([option.code, option.stderr]).toEqual([2, '错误：“--output=x”不是 git 版本\n']);
  });
});
