import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

describe('a command that would compare or build nothing says so (exit 2) instead of reporting success', () => {
  it.each([
    [['check', 'data/no-such-folder']],
    [['build', 'data/no-such-folder', '--out', '__OUT__']],
    [['diff', 'data/no-such-folder', 'data/2023']],
    [['diff', 'data/2023', 'data/no-such-folder']],
  ])('%j: a misspelt path is bad usage, named, with no made-up line and column', (template) => {
    const out = mkdtempSync(join(tmpdir(), 'ziping-missing-'));
    const result = runCli(template.map((arg) => (arg === '__OUT__' ? out : arg)));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('路径不存在：data/no-such-folder');
    expect(result.stderr).toContain('E_PATH_NOT_FOUND');
    expect(result.stdout + result.stderr).not.toContain('no-such-folder:1:1');
    expect(readdirSync(out)).toEqual([]);
  });

  it('`diff --git A B` in git\'s habit compared nothing: exit 2 with the reason, not 没有差异', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ziping-diff-habit-'));
    mkdirSync(join(repo, 'data'));
    cpSync('data/2023', join(repo, 'data', '2023'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=z', '-c', 'user.email=z@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'one');
    git('-c', 'user.name=z', '-c', 'user.email=z@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'two');
    const habit = runCli(['diff', '--git', 'HEAD~1', 'HEAD'], { cwd: repo });
    expect(habit.status).toBe(2);
    expect(habit.stdout).not.toContain('没有差异');
    expect(habit.stderr).toContain('E_NOTHING_COMPARED');
    expect(habit.stderr).toContain('--git 只接受一个版本');
    // The right way still works: one revision, then paths.
    expect(runCli(['diff', '--git', 'HEAD~1', 'data'], { cwd: repo }).status).toBe(0);
  });
});
