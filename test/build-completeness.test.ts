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

  it('builds every form: a row taller than a page is split over pages, and the old outputs are replaced', () => {
    expect(first.status, first.stdout).toBe(0);
    expect(result.status, result.stdout).toBe(0);
    expect(errors).toEqual([]);
    for (const name of ['long-note', 'long-goal', 'no-break', 'fits']) {
      for (const format of ['pdf', 'docx']) expect(existsSync(join(out, `${name}.${format}`)), `${name}.${format}`).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(out, '.ziping-manifest.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(manifest.entries).sort()).toEqual(['../data/fits.yaml', '../data/long-goal.yaml', '../data/long-note.yaml', '../data/no-break.yaml']);
  });

  it.skipIf(!pdftotext.available)(`prints all of each long text, continued on the next pages ${pdftotext.reason}`, () => {
    // pdftotext -raw reads each page in order; the indicators header repeats between the pieces.
    const header = '绩效指标指标名称计量单位指标性质指标值全年完成值偏离度（%）得分系数（%）指标权重指标得分是否核心指标说明';
    const text = (name: string) => normalizeText(execFileSync('pdftotext', ['-raw', join(out, `${name}.pdf`), '-'], { encoding: 'utf8' })).replaceAll(normalizeText(header), '');
    expect(text('long-note')).toContain(normalizeText(LONG_NOTE));
    expect(text('long-goal')).toContain(normalizeText(LONG_GOAL));
    expect(text('no-break')).toContain(NO_BREAK);
  });

  it('check warns of none of them: no row can be lost any more', () => {
    const check = runCli(['check', 'data', '--json'], { cwd: dir });
    expect(check.status).toBe(0);
    const forms = JSON.parse(check.stdout) as { forms: { file: string; warnings: { code: string; path: string }[] }[] };
    expect(forms.forms).toHaveLength(4);
    expect(forms.forms.flatMap((form) => form.warnings.map((w) => w.code))).toEqual([]);
  });

  it.skipIf(!pdftotext.available)(`prints a long note that does fit, whole ${pdftotext.reason}`, () => {
    const text = normalizeText(execFileSync('pdftotext', ['-raw', join(out, 'fits.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain(normalizeText(FITS));
  });
});
