import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const SAMPLE = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
const withCode = (code: string, text = SAMPLE) => text.replace(/code: "?(\w+)"?/, `code: "${code}"`);

/** A folder with one good form and the inputs that once hung or crashed a whole batch. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-bounded-'));
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd', 'good.yaml'), withCode('P-GOOD'));
  writeFileSync(join(dir, 'd', 'chars.yaml'), withCode('P-CHARS', SAMPLE.replace('note: ""', `note: "${'x'.repeat(100_000)}"`)));
  writeFileSync(join(dir, 'd', 'digits.yaml'), withCode('P-DIGITS', SAMPLE.replace('actual: 220', `actual: ${'9'.repeat(100_000)}`)));
  writeFileSync(join(dir, 'd', 'amount.yaml'), withCode('P-AMOUNT', SAMPLE.replace(/executed: [\d.]+/, `executed: ${'1'.repeat(40)}`)));
  return dir;
}

describe('inputs that once hung or exhausted memory', () => {
  const dir = hostileFolder();

  it('check refuses them at their field, quoting no more than a line of the value', () => {
    const result = runCli(['check', 'd'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/d\/chars\.yaml:28:\d+ indicators\[0\]\.note — 说明：有 100000 个字符，超过上限 5000 \[E_TEXT_TOO_LONG\]/);
    expect(result.stderr).toContain('（位数过多：整数部分最多 18 位，小数部分最多 10 位）');
    expect(result.stderr).toMatch(/d\/amount\.yaml:\d+:\d+ funds\.total\.executed — 全年执行数：“1{30}…（共 40 个字符）”不是有效的数字/);
    expect(result.stdout).toContain('✓ d/good.yaml');
    // No line carries the 100k-character values.
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThan(400);
  });

  it('build fails those forms, builds the good one and writes the manifest', () => {
    const result = runCli(['build', 'd', '--out', 'o', '--json'], { cwd: dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { forms: { file: string; ok: boolean; errors: { code: string }[] }[] };
    const codes = Object.fromEntries(report.forms.map((form) => [form.file, form.errors.map((e) => e.code).sort()]));
    expect(codes).toEqual({
      'd/amount.yaml': ['E_NUMBER'],
      'd/chars.yaml': ['E_TEXT_TOO_LONG'],
      'd/digits.yaml': ['E_NUMBER', 'E_TEXT_TOO_LONG'],
      'd/good.yaml': [],
    });
    expect(existsSync(join(dir, 'o', 'good.pdf'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'o', '.ziping-manifest.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(manifest.entries)).toEqual(['../d/good.yaml']);
  });
});

describe('per-form limits (every form builds in a worker that can be stopped)', () => {
  it('stops a form that outgrows its memory, builds the others and writes the manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-memory-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'good.yaml'), withCode('P-GOOD'));
    // A template whose nested loops print ~10^7 texts: memory grows until the limit stops it.
    const levels = 9;
    writeFileSync(
      join(dir, 'd', 'blowup.hbs'),
      `<document title="x">\n${'{{#each @root.indicators}}'.repeat(levels)}<text>{{name}}{{name}}{{name}}{{name}}</text>${'{{/each}}'.repeat(levels)}\n</document>\n`,
    );
    writeFileSync(join(dir, 'd', 'blowup.yaml'), withCode('P-BLOWUP').replace(/^profile: (.*)$/m, 'profile: $1\ntemplate: blowup.hbs'));
    const result = runCli(['build', 'd', '--out', 'o'], { cwd: dir, env: { ZIPING_FORM_MEMORY_MB: '256' } });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain('d/blowup.yaml:1:1 — 生成此表单所需内存超过 256 MB，已中止 [E_FORM_MEMORY]');
    expect(result.stdout).toContain('✓ d/good.yaml');
    expect(result.stderr).not.toMatch(/FATAL|Native stack trace/);
    const manifest = JSON.parse(readFileSync(join(dir, 'o', '.ziping-manifest.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(manifest.entries)).toEqual(['../d/good.yaml']);
  });

  it('stops a form that runs past its time, leaving no file of it behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-timeout-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.yaml'), withCode('P-A'));
    writeFileSync(join(dir, 'd', 'b.yaml'), withCode('P-B'));
    // No form builds in a millisecond, however fast the machine.
    const result = runCli(['build', 'd', '--out', 'o'], { cwd: dir, env: { ZIPING_FORM_TIMEOUT_S: '0.001' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('d/a.yaml:1:1 — 生成此表单超过 0.001 秒，已中止 [E_FORM_TIMEOUT]');
    expect(result.stderr).toContain('d/b.yaml:1:1 — 生成此表单超过 0.001 秒，已中止 [E_FORM_TIMEOUT]');
    expect(readdirSync(join(dir, 'o'))).toEqual(['.ziping-manifest.json']);
  });
});
