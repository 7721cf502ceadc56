import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivalPdf, SAMPLE_YAML } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { makeP12Matrix, type P12Kind } from './support/p12-matrix.js';
import { runCli } from './support/run-cli.js';
import { appendUnsignedUpdate, flipByte } from './support/tamper-pdf.js';

const openssl = externalTool('openssl');
const pdfsig = externalTool('pdfsig');
const pdftotext = externalTool('pdftotext');
const tools = [openssl, pdfsig, pdftotext];
const missing = tools.filter((t) => !t.available).map((t) => t.reason).join(' ');

interface VerifyJson {
  files: { file: string; ok: boolean; problems: { code: string; message: string }[]; warnings: { code: string }[] }[];
}

const SOURCE_DATE = { SOURCE_DATE_EPOCH: '1735689600' }; // for the build: reproducible PDFs
const verifyJson = (paths: string[]) => {
  const result = runCli(['verify', '--json', ...paths]);
  return { status: result.status, json: JSON.parse(result.stdout) as VerifyJson, stderr: result.stderr };
};
const codesOf = (json: VerifyJson, name: string) => json.files.find((f) => f.file.endsWith(name))?.problems.map((p) => p.code) ?? ['(no report)'];

/** A sample YAML with one printed text or value changed, rendered as the original but embedding the change. */
function swapped(change: (yaml: string) => string): Promise<Uint8Array> {
  const original = readFileSync(SAMPLE_YAML);
  const changed = Buffer.from(change(original.toString('utf8')));
  if (changed.equals(original)) throw new Error('the change changed nothing');
  return archivalPdf(original, changed);
}

describe.skipIf(missing !== '')(`ziping sign with the P12 files people have, checked by pdfsig and ziping verify ${missing}`, () => {
  let kinds: P12Kind[];
  let genuine: Uint8Array;
  const swaps: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    kinds = makeP12Matrix().kinds;
    const out = mkdtempSync(join(tmpdir(), 'ziping-matrix-build-'));
    const built = runCli(['build', SAMPLE_YAML, '--pdfa', '--format', 'pdf', '--out', out], { env: SOURCE_DATE });
    expect(built.status, built.stderr).toBe(0);
    genuine = readFileSync(join(out, 'summer-visits.pdf'));
    swaps['swapped-score'] = await swapped((y) => y.replace(/actual: "?220"?/, 'actual: 150'));
    swaps['swapped-name'] = await swapped((y) => y.replace('name: 夏季慰问及元旦、春节慰问', 'name: 夏季慰问及元旦慰问'));
    swaps['swapped-goal'] = await swapped((y) => y.replace('做好全区2023年元旦春节及夏季慰问工作', '做好全区2023年元旦春节慰问工作'));
  }, 900_000);

  const signing = () => kinds.filter((k) => !k.refusal);

  it('makes every kind of file the matrix lists', () => {
    expect(kinds.map((k) => k.name)).toEqual(expect.arrayContaining([
      'openssl3-default', 'legacy-rc2-3des', '3des', 'aes128', 'nomac', 'unencrypted', 'rsa4096', 'ecdsa-p256', 'ecdsa-p384',
      'chain-intermediate', 'empty-password', 'emoji-password', 'password-file-bom-crlf', 'ed25519', 'certificate-only', 'expired', 'not-yet-valid',
    ]));
  });

  it.each([
    'openssl3-default', 'legacy-rc2-3des', 'legacy-chinese-password', '3des', 'aes128', 'nomac', 'unencrypted', 'rsa4096', 'ecdsa-p256', 'ecdsa-p384',
    'chain-intermediate', 'empty-password', 'emoji-password', 'password-file-bom-crlf', 'expired-allowed',
  ])('%s: sign → pdfsig valid → verify exit 0; a flipped byte, an unsigned update and a swapped source each fail by name', (name) => {
    const kind = signing().find((k) => k.name === name)!;
    expect(kind).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), `ziping-matrix-${name}-`));
    writeFileSync(join(dir, 'form.pdf'), genuine);
    for (const [swap, bytes] of Object.entries(swaps)) writeFileSync(join(dir, `${swap}.pdf`), bytes);

    const signed = runCli(['sign', dir, '--p12', kind.file, '--pass-file', kind.passwordFile, ...(kind.signArgs ?? [])]);
    expect(signed.status, signed.stdout + signed.stderr).toBe(0);
    expect(signed.stdout).toContain('签名 4 个，失败 0 个');

    const poppler = spawnSync('pdfsig', ['-nocert', join(dir, 'form.signed.pdf')], { encoding: 'utf8' });
    expect(poppler.stdout).toContain('Signature Validation: Signature is Valid.');
    if (name === 'chain-intermediate') {
      // The CA certificates of the P12 go into the CMS, so a verifier can build the path to the root.
      const certs = spawnSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs', '-noout'], { input: cmsOf(readFileSync(join(dir, 'form.signed.pdf'))), encoding: 'utf8' });
      expect((certs.stdout.match(/subject=/g) ?? []).length, certs.stderr).toBe(3);
    }

    const good = verifyJson([join(dir, 'form.signed.pdf')]);
    expect(good.status, JSON.stringify(good.json)).toBe(0);
    const warnings = good.json.files[0].warnings.map((w) => w.code);
    if (kind.verifyWarning) expect(warnings).toContain(kind.verifyWarning);
    else expect(warnings).not.toContain('W_CERT_EXPIRED');

    // Tampered copies in a folder of their own (no manifest there to mention them).
    const bad = join(dir, 'tampered');
    mkdirSync(bad);
    const signedBytes = readFileSync(join(dir, 'form.signed.pdf'));
    writeFileSync(join(bad, 'flipped.pdf'), flipByte(signedBytes, 2000));
    return appendUnsignedUpdate(signedBytes).then((updated) => {
      writeFileSync(join(bad, 'updated.pdf'), updated);
      for (const swap of Object.keys(swaps)) copyFileSync(join(dir, `${swap}.signed.pdf`), join(bad, `${swap}.pdf`));
      const report = verifyJson(['flipped.pdf', 'updated.pdf', ...Object.keys(swaps).map((s) => `${s}.pdf`)].map((f) => join(bad, f)));
      expect(report.status).toBe(1);
      expect(codesOf(report.json, 'flipped.pdf')).toContain('E_SIGNATURE_DIGEST');
      expect(codesOf(report.json, 'updated.pdf')).toEqual(['E_SIGNATURE_NOT_WHOLE_FILE']);
      for (const swap of Object.keys(swaps)) expect(codesOf(report.json, `${swap}.pdf`), swap).toContain('E_SOURCE_MISMATCH');
      expect(report.json.files.every((f) => !f.ok)).toBe(true);
    });
  }, 900_000);

  it.each(['ed25519', 'certificate-only', 'expired', 'not-yet-valid'])('%s: sign refuses with a named reason and writes nothing', (name) => {
    const kind = kinds.find((k) => k.name === name)!;
    const dir = mkdtempSync(join(tmpdir(), `ziping-matrix-${name}-`));
    writeFileSync(join(dir, 'form.pdf'), genuine);
    const result = runCli(['sign', dir, '--p12', kind.file, '--pass-file', kind.passwordFile]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(kind.refusal!);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim()).toBe('form.pdf');
  });
});

/** The /Contents of the (only) signature, zero padding cut by openssl's own parser tolerance. */
function cmsOf(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text)![1].replace(/(00)+$/, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}
