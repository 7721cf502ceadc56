import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';

const pdfdetach = externalTool('pdfdetach');
const qpdf = externalTool('qpdf');
const SOURCE = 'data/2023/yuzhong-gov-office/summer-visits.yaml';

/** `ziping build --pdfa` end to end, as a user runs it. */
describe.skipIf(!pdfdetach.available || !qpdf.available)(`build --pdfa ${pdfdetach.reason}${qpdf.reason}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-pdfa-'));
  const again = mkdtempSync(join(tmpdir(), 'ziping-pdfa-'));
  const env = { SOURCE_DATE_EPOCH: '1700000000' };

  it('writes a PDF/A-3b with the YAML source attached byte for byte, reproducibly', () => {
    expect(runCli(['build', SOURCE, '--pdfa', '--format', 'pdf', '--out', dir], { env }).status).toBe(0);
    expect(runCli(['build', SOURCE, '--pdfa', '--format', 'pdf', '--out', again], { env }).status).toBe(0);
    const pdf = join(dir, 'summer-visits.pdf');
    expect(readFileSync(pdf).equals(readFileSync(join(again, 'summer-visits.pdf')))).toBe(true);
    expect(readFileSync(pdf, 'latin1').slice(0, 8)).toBe('%PDF-1.7');
    expect(execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' })).toMatch(/<pdfaid:part>3<\/pdfaid:part>[^]*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).stdout).toMatch(/No syntax or stream encoding errors found/);
    const saved = join(dir, 'attached.yaml');
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdf]);
    expect(readFileSync(saved).equals(readFileSync(SOURCE))).toBe(true);
  });
});
