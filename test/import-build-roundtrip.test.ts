import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { compareCellSequence, SAMPLE_FILE, sampleForms } from './support/sample-fixture.js';

const pdftotext = externalTool('pdftotext');

/** The round trip a user makes: the system's export → `ziping import` → `check` → `build`. */
describe.skipIf(!pdftotext.available)(`import, check and build the published export ${pdftotext.reason}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-roundtrip-'));

  it('imports three forms that check without errors or reported-vs-computed differences', () => {
    const imported = runCli(['import', SAMPLE_FILE, '--out', join(dir, 'data')]);
    expect(imported.status).toBe(0);
    expect(readdirSync(join(dir, 'data'))).toHaveLength(3);
    const checked = JSON.parse(runCli(['check', '--json', join(dir, 'data')]).stdout) as { forms: { ok: boolean; errors: unknown[]; warnings: unknown[] }[] };
    expect(checked.forms).toHaveLength(3);
    for (const form of checked.forms) expect([form.ok, form.errors, form.warnings]).toEqual([true, [], []]);
  });

  it('builds PDFs whose text holds the sample cells in order', () => {
    expect(runCli(['build', join(dir, 'data'), '--out', join(dir, 'out'), '--format', 'pdf']).status).toBe(0);
    const pdfs = readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(3);
    for (const form of sampleForms()) {
      const pdf = pdfs.find((name) => name.startsWith(form.code))!;
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'out', pdf), '-'], { encoding: 'utf8' });
      expect(compareCellSequence(text, form.cells), form.code).toBeNull();
    }
  });
});
