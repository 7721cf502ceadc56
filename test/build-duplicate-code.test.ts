import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const SAMPLE = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
const withCode = (code: string) => SAMPLE.replace(/code: "?(\w+)"?/, `code: "${code}"`);
// A fixed date: a form rebuilt by --force has the same bytes as before.
const env = { SOURCE_DATE_EPOCH: '1700000000' };

describe('a duplicate 项目编码', () => {
  for (const force of [false, true]) {
    it(`fails the copy, never the form that had the code first, and deletes none of its files${force ? ' (--force)' : ''}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'ziping-duplicate-'));
      mkdirSync(join(dir, 'd'));
      // b.yaml was built first; a.yaml, a copy, sorts before it.
      writeFileSync(join(dir, 'd', 'b.yaml'), withCode('P-1'));
      expect(runCli(['build', 'd', '--out', 'o'], { cwd: dir, env }).status).toBe(0);
      const before = readFileSync(join(dir, 'o', 'b.pdf'));
      writeFileSync(join(dir, 'd', 'a.yaml'), withCode('P-1'));

      const result = runCli(['build', 'd', '--out', 'o', ...(force ? ['--force'] : [])], { cwd: dir, env });
      expect(result.status, result.stdout + result.stderr).toBe(1);
      expect(result.stderr).not.toContain('内部错误');
      expect(result.stderr).toContain('d/a.yaml:12:9 project.code — 项目编码“P-1”在 2023 年度与 d/b.yaml 重复 [E_DUPLICATE_CODE]');
      expect(result.stdout).not.toContain('已删除过期的输出');
      expect(readFileSync(join(dir, 'o', 'b.pdf')).equals(before)).toBe(true);
      expect(existsSync(join(dir, 'o', 'b.docx'))).toBe(true);
      expect(existsSync(join(dir, 'o', 'a.pdf'))).toBe(false);
      const manifest = JSON.parse(readFileSync(join(dir, 'o', '.ziping-manifest.json'), 'utf8')) as { entries: Record<string, unknown> };
      expect(Object.keys(manifest.entries)).toEqual(['../d/b.yaml']);
    });
  }

  it('fails the form whose code was edited into another form’s, keeping that one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-duplicate-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.yaml'), withCode('P-A'));
    writeFileSync(join(dir, 'd', 'b.yaml'), withCode('P-B'));
    expect(runCli(['build', 'd', '--out', 'o'], { cwd: dir, env }).status).toBe(0);
    writeFileSync(join(dir, 'd', 'a.yaml'), withCode('P-B'));
    const result = runCli(['build', 'd', '--out', 'o', '--force'], { cwd: dir, env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('d/a.yaml:12:9 project.code — 项目编码“P-B”在 2023 年度与 d/b.yaml 重复');
    // a.yaml now fails, so its own earlier outputs go (as for any form that no longer builds).
    expect(result.stdout).toContain('已删除过期的输出：o/a.pdf');
    expect(existsSync(join(dir, 'o', 'b.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'o', 'a.pdf'))).toBe(false);
  });
});
