import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { compareCellSequence, sampleForms } from './support/sample-fixture.js';

/** The sample forms built as PDF by the real CLI, checked with poppler and qpdf. */
const pdftotext = externalTool('pdftotext');
const pdffonts = externalTool('pdffonts');
const qpdf = externalTool('qpdf');
const forms = sampleForms();
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const out = mkdtempSync(join(tmpdir(), 'ziping-pdf-'));
const again = mkdtempSync(join(tmpdir(), 'ziping-pdf-'));
const pdfDir = join(out, '2023', 'yuzhong-gov-office');

function pdfFor(code: string): string {
  const yamlDir = 'data/2023/yuzhong-gov-office';
  const file = readdirSync(yamlDir).find((name) => readFileSync(join(yamlDir, name), 'utf8').includes(code))!;
  return join(pdfDir, file.replace(/\.yaml$/, '.pdf'));
}

beforeAll(() => {
  for (const dir of [out, again]) {
    const result = runCli(['build', 'data', '--out', dir, '--format', 'pdf'], { env: EPOCH });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }
});

describe('sample forms as PDF', () => {
  it('writes one PDF per form, mirroring data/', () => {
    expect(readdirSync(pdfDir).sort()).toEqual(['department-overall.pdf', 'research-and-information.pdf', 'summer-visits.pdf']);
  });

  for (const form of forms) {
    describe(`${form.title} ${form.code}`, () => {
      it.skipIf(!pdftotext.available)(`holds every cell of the sample in reading order ${pdftotext.reason}`, () => {
        const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFor(form.code), '-'], { encoding: 'utf8' });
        expect(compareCellSequence(text, form.cells)).toBeNull();
      });

      it.skipIf(!pdftotext.available)(`is exactly one A4 landscape page ${pdftotext.reason}`, () => {
        const info = execFileSync('pdfinfo', [pdfFor(form.code)], { encoding: 'utf8' });
        expect(info).toMatch(/^Pages:\s+1$/m);
        expect(info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
      });

      it.skipIf(!pdffonts.available)(`embeds only subset fonts ${pdffonts.reason}`, () => {
        const lines = execFileSync('pdffonts', [pdfFor(form.code)], { encoding: 'utf8' }).trim().split('\n').slice(2);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line).toMatch(/^[A-Z]{6}\+\S+/);
          expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
        }
      });

      it.skipIf(!qpdf.available)(`passes qpdf --check ${qpdf.reason}`, () => {
        const report = execFileSync('qpdf', ['--check', pdfFor(form.code)], { encoding: 'utf8' });
        expect(report).toMatch(/No syntax or stream encoding errors found/);
      });
    });
  }

  it('gives identical bytes for the same input with SOURCE_DATE_EPOCH set', () => {
    for (const name of readdirSync(pdfDir)) {
      expect(readFileSync(join(pdfDir, name)).equals(readFileSync(join(again, '2023', 'yuzhong-gov-office', name)))).toBe(true);
    }
  });

  it('never gives two forms the same PDF /ID', () => {
    const ids = readdirSync(pdfDir).map((name) => /\/ID\s*\[\s*<([0-9a-fA-F]+)>/.exec(readFileSync(join(pdfDir, name), 'latin1'))?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
