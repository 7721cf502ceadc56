import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fg from 'fast-glob';
import { runCli } from './support/run-cli.js';

/** A tree with the three sample forms plus one broken in a chosen way. */
function treeWith(broken: (sample: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-fail-'));
  cpSync('data', join(dir, 'data'), { recursive: true });
  const sample = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
  writeFileSync(join(dir, 'data/2023/yuzhong-gov-office/broken.yaml'), broken(sample.replace('50010322T000000148597', 'BROKEN-1')));
  return dir;
}

const outputs = (dir: string) => readdirSync(join(dir, 'out/2023/yuzhong-gov-office')).sort();

describe('a bad form among good ones', () => {
  it('reports file:line:col, field and code in Chinese, builds the others, leaves no file for it, exit 1', () => {
    const dir = treeWith((s) => s.replace('actual: 220', 'actual: abc'));
    const result = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/data\/2023\/yuzhong-gov-office\/broken\.yaml:\d+:\d+ indicators\[0\]\.actual — .+\[E_NUMBER\]/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(outputs(dir)).toEqual(['department-overall.pdf', 'research-and-information.pdf', 'summer-visits.pdf']);
  });

  it('removes the stale output of a form that now fails, and leaves no temp file', () => {
    const dir = treeWith((s) => s);
    expect(runCli(['build', 'data', '--format', 'pdf'], { cwd: dir }).status).toBe(0);
    expect(outputs(dir)).toContain('broken.pdf');
    const file = join(dir, 'data/2023/yuzhong-gov-office/broken.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('nature: "≥"', 'nature: ">>"'));
    const result = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\[E_ENUM\]/);
    expect(outputs(dir)).toEqual(['department-overall.pdf', 'research-and-information.pdf', 'summer-visits.pdf']);
  });

  it('names a character no configured font has, with the form and the cell, and writes nothing for it', () => {
    const dir = treeWith((s) => s.replace('做好全区2023年元旦春节及夏季慰问工作。', '做好慰问工作😀'));
    const result = runCli(['build', 'data', '--format', 'pdf,docx'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml.*字符“😀”（U\+1F600）.*表格.*做好慰问工作😀.*\[E_GLYPH_MISSING\]/);
    expect(existsSync(join(dir, 'out/2023/yuzhong-gov-office/broken.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'out/2023/yuzhong-gov-office/broken.docx'))).toBe(false);
  });

  it('prints the --json document of DESIGN §8', () => {
    const dir = treeWith((s) => s.replace('weight: 20', 'weight: -20'));
    const result = runCli(['check', '--json', 'data'], { cwd: dir });
    expect(result.status).toBe(1);
    const doc = JSON.parse(result.stdout);
    const broken = doc.forms.find((f: { file: string }) => f.file.endsWith('broken.yaml'));
    expect(broken).toMatchObject({ ok: false, printed: null, errors: [{ path: 'indicators[0].weight', file: 'data/2023/yuzhong-gov-office/broken.yaml' }] });
    expect(broken.errors[0]).toEqual({ code: expect.stringMatching(/^E_[A-Z_]+$/), message: expect.any(String), file: expect.any(String), line: expect.any(Number), col: expect.any(Number), path: 'indicators[0].weight' });
    // The three Chongqing samples and every format's example (data/examples) stay good.
    const examples = fg.sync('**/*.yaml', { cwd: join(dir, 'data/examples') }).length;
    expect(examples).toBeGreaterThan(0);
    expect(doc.forms.filter((f: { ok: boolean }) => f.ok)).toHaveLength(3 + examples);
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['build', '--format', 'xls']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['check', '--nope']).status).toBe(2);
  });
});
