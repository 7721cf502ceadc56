import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { normalizeText } from './support/sample-fixture.js';

const SAMPLE = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
const pdftotext = externalTool('pdftotext');

/** The sample with its own project code and one field's text replaced. */
function variant(code: string, field: 'note' | 'achieved', text: string): string {
  const withCode = SAMPLE.replace(/code: "?(\w+)"?/, `code: "${code}"`);
  return field === 'note' ? withCode.replace('note: ""', `note: "${text}"`) : withCode.replace(/achieved: .*/, `achieved: "${text}"`);
}

const LONG_NOTE = '本项目说明较长，包括慰问对象、慰问标准、经费来源和发放方式等情况，'.repeat(12); // ~400 characters
const LONG_GOAL = '按要求完成了全区元旦春节及夏季慰问工作，'.repeat(65); // ~1,300 characters
const NO_BREAK = 'x'.repeat(3000);
const FITS = '慰问对象为城管、住建、卫健等一线人员，按标准发放慰问品并登记签收。'.repeat(3); // ~100 characters

describe('a row taller than a page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-complete-'));
  const data = join(dir, 'data');
  const out = join(dir, 'out');
  mkdirSync(data);
  writeFileSync(join(data, 'long-note.yaml'), variant('P-NOTE', 'note', LONG_NOTE));
  writeFileSync(join(data, 'long-goal.yaml'), variant('P-GOAL', 'achieved', LONG_GOAL));
  writeFileSync(join(data, 'no-break.yaml'), variant('P-NOBREAK', 'note', NO_BREAK));
  writeFileSync(join(data, 'fits.yaml'), variant('P-FITS', 'note', FITS));
  // An earlier, good build of long-note: its outputs must not survive as if they were current.
  writeFileSync(join(data, 'long-note.yaml'), variant('P-NOTE', 'note', ''));
  const first = runCli(['build', 'data', '--out', 'out'], { cwd: dir });
  writeFileSync(join(data, 'long-note.yaml'), variant('P-NOTE', 'note', LONG_NOTE));
  const result = runCli(['build', 'data', '--out', 'out', '--json'], { cwd: dir });
  const report = JSON.parse(result.stdout) as { forms: { errors: { code: string; file: string; path: string; line: number }[] }[] };
  const errors = report.forms.flatMap((form) => form.errors);

  it('fails the form naming the field, writes none of its files, and builds the others', () => {
    expect(first.status, first.stdout).toBe(1); // long-goal and no-break already fail
    expect(existsSync(join(out, 'long-note.pdf'))).toBe(false);
    expect(result.status, result.stdout).toBe(1);
    expect(errors.map((d) => [d.code, d.file, d.path])).toEqual([
      ['E_OUTPUT_INCOMPLETE', 'data/long-goal.yaml', 'goals.achieved'],
      ['E_OUTPUT_INCOMPLETE', 'data/long-note.yaml', 'indicators[0].note'],
      ['E_OUTPUT_INCOMPLETE', 'data/no-break.yaml', 'indicators[0].note'],
    ]);
    for (const name of ['long-note', 'long-goal', 'no-break']) {
      for (const format of ['pdf', 'docx']) expect(existsSync(join(out, `${name}.${format}`)), `${name}.${format}`).toBe(false);
    }
    expect(existsSync(join(out, 'fits.pdf')) && existsSync(join(out, 'fits.docx'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, '.ziping-manifest.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(manifest.entries)).toEqual(['../data/fits.yaml']);
  });

  it('locates the error on the line of the field in the source', () => {
    const line = variant('P-NOTE', 'note', LONG_NOTE).split('\n').findIndex((text) => text.includes(LONG_NOTE.slice(0, 10))) + 1;
    expect(errors.find((d) => d.file === 'data/long-note.yaml')!.line).toBe(line);
    const text = runCli(['build', 'data/long-note.yaml', '--out', 'out'], { cwd: dir });
    expect(text.stderr).toContain(`data/long-note.yaml:${line}:`);
    expect(text.stderr).toContain('PDF 缺少');
    expect(text.stderr).not.toMatch(/^\s+at /m);
  });

  it('check, which does not render, warns of those rows from the layout estimate and of no other', () => {
    const check = runCli(['check', 'data', '--json'], { cwd: dir });
    expect(check.status).toBe(0);
    const forms = JSON.parse(check.stdout) as { forms: { file: string; warnings: { code: string; path: string }[] }[] };
    const tall = forms.forms.flatMap((form) => form.warnings.filter((w) => w.code === 'W_ROW_TOO_TALL').map((w) => [form.file, w.path]));
    // fits.yaml, whose note does fit, is not among them.
    expect(tall).toEqual([
      ['data/long-goal.yaml', 'goals.achieved'],
      ['data/long-note.yaml', 'indicators[0].note'],
      ['data/no-break.yaml', 'indicators[0].note'],
    ]);
  });

  it.skipIf(!pdftotext.available)(`prints a long note that does fit, whole ${pdftotext.reason}`, () => {
    const text = normalizeText(execFileSync('pdftotext', ['-raw', join(out, 'fits.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain(normalizeText(FITS));
  });
});
