import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivalPdf } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { CHINESE_CN, makeTestP12, type TestP12 } from './support/test-p12.js';

const openssl = externalTool('openssl');
const pdftotext = externalTool('pdftotext');

const PASS_ENV = 'ZIPING_TEST_P12_PASS';

/** Runs the shipped `ziping` (bin/ziping.js), as a user does. */
function ziping(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = runCli(args, { env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));

describe.skipIf(!openssl.available)(`ziping sign / verify ${openssl.reason}`, () => {
  let p12: TestP12;
  let dir: string;
  let passwordFile: string;
  beforeAll(async () => {
    p12 = makeTestP12();
    dir = mkdtempSync(join(tmpdir(), 'ziping-cli-'));
    writeFileSync(join(dir, 'a.pdf'), await archivalPdf());
    passwordFile = join(mkdtempSync(join(tmpdir(), 'ziping-pass-')), 'pass.txt');
    writeFileSync(passwordFile, `${p12.password}\n`);
  });

  it('refuses a wrong password clearly, without printing it and without touching any file', async () => {
    const before = snapshot(dir);
    const result = ziping(['sign', dir, '--p12', p12.file, '--pass-env', PASS_ENV], { [PASS_ENV]: 'not-the-password-xyz' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('P12 密码错误');
    expect(result.stderr).toContain('E_P12_PASSWORD');
    expect(result.stdout + result.stderr).not.toContain('not-the-password-xyz');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a broken P12 without touching any file', async () => {
    const before = snapshot(dir);
    const broken = join(mkdtempSync(join(tmpdir(), 'ziping-bad-')), 'bad.p12');
    writeFileSync(broken, p12.bytes.subarray(0, 300));
    const result = ziping(['sign', dir, '--p12', broken, '--pass-file', passwordFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('E_P12_INVALID');
    expect(snapshot(dir)).toEqual(before);
  });

  it('wants the password from an environment variable or a file, not the command line (usage errors, exit 2)', () => {
    const before = snapshot(dir);
    expect(ziping(['sign', dir, '--p12', p12.file])).toMatchObject({ code: 2, stderr: expect.stringContaining('--pass-env') });
    expect(ziping(['sign', dir, '--p12', p12.file, '--pass-env', 'ZIPING_TEST_UNSET_VARIABLE'])).toMatchObject({ code: 2, stderr: expect.stringContaining('未设置') });
    expect(ziping(['sign', dir, '--p12', p12.file, '--password', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--password') });
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(!pdftotext.available)(`signs a folder, then verifies it (exit 0), and fails a tampered copy (exit 1) ${pdftotext.reason}`, async () => {
    const signed = ziping(['sign', dir, '--p12', p12.file, '--pass-file', passwordFile, '--reason', '归档']);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`CN=${CHINESE_CN}`);
    expect(signed.stdout).toContain('a.signed.pdf');
    expect(signed.stdout + signed.stderr).not.toContain(p12.password);

    const verified = ziping(['verify', dir]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`签名者：.*CN=${CHINESE_CN}`));
    expect(verified.stdout).toContain('与归档清单一致');

    const bytes = readFileSync(join(dir, 'a.signed.pdf'));
    bytes[1000] ^= 0x01;
    writeFileSync(join(dir, 'a.signed.pdf'), bytes);
    const failed = ziping(['verify', join(dir, 'a.signed.pdf'), '--json']);
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.stdout) as { files: { file: string; ok: boolean; problems: { code: string }[] }[] };
    expect(json.files[0].ok).toBe(false);
    expect(json.files[0].problems.map((p) => p.code)).toEqual(expect.arrayContaining(['E_SIGNATURE_DIGEST', 'E_MANIFEST_HASH']));
  });

  it('fails an unsigned file, naming it', async () => {
    const result = ziping(['verify', join(dir, 'a.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/错误 .*a\.pdf — 文件没有数字签名 \[E_NOT_SIGNED\]/);
  });

  it('appending to a manifest without its final newline starts a new line (no glued records)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ziping-manifest-'));
    writeFileSync(join(folder, 'a.pdf'), await archivalPdf());
    expect(ziping(['sign', folder, '--p12', p12.file, '--pass-file', passwordFile]).code).toBe(0);
    const manifest = join(folder, 'archive-manifest.jsonl');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/\n$/, '')); // as an editor may save it
    writeFileSync(join(folder, 'b.pdf'), await archivalPdf());
    expect(ziping(['sign', join(folder, 'b.pdf'), '--p12', p12.file, '--pass-file', passwordFile]).code).toBe(0);
    const lines = readFileSync(manifest, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => (JSON.parse(line) as { file: string }).file)).toEqual(['a.signed.pdf', 'b.signed.pdf']);
    expect(ziping(['verify', folder]).code).toBe(0);
  });

  it('refuses a manifest that is a symlink: the file it points to is untouched and nothing is signed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ziping-manifest-link-'));
    writeFileSync(join(folder, 'a.pdf'), await archivalPdf());
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'ziping-elsewhere-')), 'important.txt');
    writeFileSync(elsewhere, 'not a manifest\n');
    symlinkSync(elsewhere, join(folder, 'archive-manifest.jsonl'));
    const result = ziping(['sign', folder, '--p12', p12.file, '--pass-file', passwordFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('E_MANIFEST_SYMLINK');
    expect(readFileSync(elsewhere, 'utf8')).toBe('not a manifest\n');
    expect(readdirSync(folder).sort()).toEqual(['a.pdf', 'archive-manifest.jsonl']);
  });
});
