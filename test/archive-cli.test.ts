import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signCommand } from '../src/cli/commands/sign.js';
import { verifyCommand } from '../src/cli/commands/verify.js';
import { UsageError } from '../src/cli/usage-error.js';
import { archivalPdf } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { CHINESE_CN, makeTestP12, type TestP12 } from './support/test-p12.js';

const openssl = externalTool('openssl');
const pdftotext = externalTool('pdftotext');

/** Runs a command, collecting what it writes to stdout and stderr. */
async function capture(run: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await run(), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
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
  afterEach(() => {
    delete process.env.ZIPING_TEST_P12_PASS;
  });

  it('refuses a wrong password clearly, without printing it and without touching any file', async () => {
    const before = snapshot(dir);
    process.env.ZIPING_TEST_P12_PASS = 'not-the-password-xyz';
    const result = await capture(() => signCommand([dir, '--p12', p12.file, '--pass-env', 'ZIPING_TEST_P12_PASS']));
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
    const result = await capture(() => signCommand([dir, '--p12', broken, '--pass-file', passwordFile]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('E_P12_INVALID');
    expect(snapshot(dir)).toEqual(before);
  });

  it('wants the password from an environment variable or a file, not the command line', async () => {
    await expect(signCommand([dir, '--p12', p12.file])).rejects.toThrow(UsageError);
    await expect(signCommand([dir, '--p12', p12.file, '--pass-env', 'ZIPING_TEST_UNSET_VARIABLE'])).rejects.toThrow('未设置');
    await expect(signCommand([dir, '--p12', p12.file, '--password', 'x'])).rejects.toThrow(UsageError);
  });

  it.skipIf(!pdftotext.available)(`signs a folder, then verifies it (exit 0), and fails a tampered copy (exit 1) ${pdftotext.reason}`, async () => {
    const signed = await capture(() => signCommand([dir, '--p12', p12.file, '--pass-file', passwordFile, '--reason', '归档']));
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`CN=${CHINESE_CN}`);
    expect(signed.stdout).toContain('a.signed.pdf');
    expect(signed.stdout + signed.stderr).not.toContain(p12.password);

    const verified = await capture(() => verifyCommand([dir]));
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`签名者：.*CN=${CHINESE_CN}`));
    expect(verified.stdout).toContain('与归档清单一致');

    const bytes = readFileSync(join(dir, 'a.signed.pdf'));
    bytes[1000] ^= 0x01;
    writeFileSync(join(dir, 'a.signed.pdf'), bytes);
    const failed = await capture(() => verifyCommand([join(dir, 'a.signed.pdf'), '--json']));
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.stdout) as { files: { file: string; ok: boolean; problems: { code: string }[] }[] };
    expect(json.files[0].ok).toBe(false);
    expect(json.files[0].problems.map((p) => p.code)).toEqual(expect.arrayContaining(['E_SIGNATURE_DIGEST', 'E_MANIFEST_HASH']));
  });

  it('fails an unsigned file, naming it', async () => {
    const result = await capture(() => verifyCommand([join(dir, 'a.pdf')]));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/错误 .*a\.pdf — 文件没有数字签名 \[E_NOT_SIGNED\]/);
  });
});
