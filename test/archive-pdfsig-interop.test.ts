import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_YAML } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { flipByte } from './support/tamper-pdf.js';
import { makeTestP12, type TestP12 } from './support/test-p12.js';

const tools = ['openssl', 'pdfsig', 'pdftotext', 'certutil', 'pk12util'].map(externalTool);
const missing = tools.filter((t) => !t.available).map((t) => t.reason).join(' ');

interface VerifyJson {
  files: { file: string; ok: boolean; problems: { code: string }[]; signatures: { subFilter: string; coversWholeFile: boolean }[] }[];
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Signs with poppler's own signer: NSS, which writes the CMS as BER with indefinite lengths. */
function popplerSign(nss: string, nick: string, input: string, output: string): void {
  run('pdfsig', ['-nssdir', `sql:${nss}`, '-add-signature', '-nick', nick, input, output]);
}

describe.skipIf(missing !== '')(`ziping verify accepts signatures that other tools made ${missing}`, () => {
  let dir: string;
  let nss: string;
  let nick: string;
  let p12: TestP12;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-pdfsig-'));
    p12 = makeTestP12();
    nss = join(dir, 'nss');
    mkdirSync(nss);
    run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    const passwordFile = join(dir, 'p12.pass');
    writeFileSync(passwordFile, p12.password);
    run('pk12util', ['-i', p12.file, '-d', `sql:${nss}`, '-w', passwordFile, '-K', '']);
    nick = run('pdfsig', ['-nssdir', `sql:${nss}`, '-list-nicks', '/dev/null']).split('\n')[1].trim();
    const built = runCli(['build', SAMPLE_YAML, '--pdfa', '--format', 'pdf', '--out', join(dir, 'out')]);
    expect(built.status, built.stderr).toBe(0);
  }, 900_000);

  it('a signature made by pdfsig -add-signature (BER CMS) verifies; a flipped byte fails it', () => {
    const signed = join(dir, 'poppler.pdf');
    popplerSign(nss, nick, join(dir, 'out', 'summer-visits.pdf'), signed);
    // The case this test is for: NSS's CMS starts with an indefinite length (30 80).
    expect(/\/Contents\s*<3080/.test(readFileSync(signed).toString('latin1'))).toBe(true);

    const good = runCli(['verify', '--json', signed]);
    expect(good.status, good.stdout).toBe(0);
    const report = (JSON.parse(good.stdout) as VerifyJson).files[0];
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0].coversWholeFile).toBe(true);

    const flipped = join(dir, 'poppler-flipped.pdf');
    writeFileSync(flipped, flipByte(readFileSync(signed), 3000));
    const bad = runCli(['verify', '--json', flipped]);
    expect(bad.status).toBe(1);
    expect((JSON.parse(bad.stdout) as VerifyJson).files[0].problems.map((p) => p.code)).toContain('E_SIGNATURE_DIGEST');
  });

  it('a ziping signature countersigned by pdfsig: both signatures verify, nothing counts as appended bytes', () => {
    const folder = join(dir, 'countersign');
    mkdirSync(folder);
    writeFileSync(join(folder, 'form.pdf'), readFileSync(join(dir, 'out', 'summer-visits.pdf')));
    const signed = runCli(['sign', folder, '--p12', p12.file, '--pass-env', 'ZIPING_TEST_PASS'], { env: { ZIPING_TEST_PASS: p12.password } });
    expect(signed.status, signed.stderr).toBe(0);
    const countersigned = join(folder, 'form.countersigned.pdf');
    popplerSign(nss, nick, join(folder, 'form.signed.pdf'), countersigned);
    const poppler = run('pdfsig', ['-nocert', countersigned]);
    expect(poppler.match(/Signature is Valid/g)).toHaveLength(2);

    const result = runCli(['verify', '--json', countersigned]);
    expect(result.status, result.stdout).toBe(0);
    const report = (JSON.parse(result.stdout) as VerifyJson).files[0];
    expect(report.signatures.map((s) => s.subFilter)).toEqual(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, true]);
  });
});
