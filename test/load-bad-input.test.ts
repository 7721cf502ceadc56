import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFormSource } from '../src/load/index.js';

/** Each fixture names its first error in its first line: `# error: LINE:COL E_CODE — why`. */
const DIR = 'test/fixtures/bad-input';
const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('bad input fixtures', () => {
  it('cover every case the loader must reject', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtures)('%s fails with the error its header names', (name) => {
    const file = `${DIR}/${name}`;
    const bytes = readFileSync(file);
    const header = /^# error: (\d+):(\d+) (E_[A-Z_]+)/.exec(bytes.toString('utf8'));
    if (!header) throw new Error(`${file} lacks a "# error: LINE:COL E_CODE" first line`);
    const [, line, col, code] = header;

    const result = loadFormSource(file, bytes);

    expect(result.ok).toBe(false);
    const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    expect(first && { code: first.code, line: first.line, col: first.col, file: first.file }).toEqual({
      code,
      line: Number(line),
      col: Number(col),
      file,
    });
    expect(first?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
