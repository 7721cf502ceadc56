import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    const files = readdirSync(join(dir, 'data')).sort();
    expect(files.filter((name) => name.endsWith('.yaml'))).toHaveLength(3);
    // Outside any project there is no schema to point at: one is written beside the forms, and
    // each form names it, so an editor checks the folder wherever it is copied.
    expect(files.filter((name) => !name.endsWith('.yaml'))).toEqual(['form.schema.json']);
    expect(readFileSync(join(dir, 'data/form.schema.json'), 'utf8')).toBe(runCli(['schema']).stdout);
    for (const name of files.filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(join(dir, 'data', name), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=form.schema.json');
    }
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

describe('import into a project names the project\'s schema', () => {
  it('points each YAML at the nearest form.schema.json up to the project root and writes none of its own', () => {
    const project = mkdtempSync(join(tmpdir(), 'ziping-import-project-'));
    writeFileSync(join(project, 'ziping.config.json'), '{}\n');
    expect(runCli(['schema', '-o', join(project, 'form.schema.json')]).status).toBe(0);
    const imported = runCli(['import', SAMPLE_FILE, '--out', join(project, 'data/2023')]);
    expect(imported.status, imported.stderr).toBe(0);
    const files = readdirSync(join(project, 'data/2023'));
    expect(files.every((name) => name.endsWith('.yaml'))).toBe(true);
    for (const name of files) expect(readFileSync(join(project, 'data/2023', name), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../form.schema.json');
  });
});
