import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { importExports } from '../src/import/index.js';
import { FormSchema, loadForms } from '../src/load/index.js';
import { scoreForm } from '../src/score/index.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const SAMPLE_PATH = new URL('yuzhong-2023-self-evaluation.txt', FIXTURES).pathname;
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const NAMES = [
  '50010300023P000024-重庆市渝中区人民政府办公室整体监控.yaml',
  '50010322T000000148597-夏季慰问及元旦、春节慰问.yaml',
  '50010322T000000148601-国家、市级调研课题、政府报告、信息工作.yaml',
];

const made: string[] = [];
const temporary = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-import-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const yamlFiles = (dir: string) => readdirSync(dir).sort();

describe('ziping import of the published sample', () => {
  it('writes three YAML files that validate and whose computed values equal the reported ones', async () => {
    const out = path.join(temporary(), 'data');
    const result = await importExports([SAMPLE_PATH], { outDir: out, force: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual(NAMES.map((name) => path.join(out, name)));
    expect(yamlFiles(out)).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const text = readFileSync(path.join(out, name), 'utf8');
      expect(text).toMatch(/^# 由 ziping import 从 yuzhong-2023-self-evaluation\.txt 第 (3|38|66) 行导入/);
      const parsed = FormSchema.safeParse(YAML.parse(text, { schema: 'failsafe' }));
      expect(parsed.success).toBe(true);
      const scored = scoreForm(parsed.data!);
      expect(scored.diagnostics).toEqual([]);
      expect(scored.printed.selfScore).toBe('100.00');
    }
    // The load stage (strict fields, source positions) takes the files as they are.
    const loaded = await loadForms([out]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.forms.map((f) => f.form.project.code).sort()).toEqual(NAMES.map((name) => name.split('-')[0]).sort());
  });

  it('imports the sample saved as GB18030 with CRLF and half-width punctuation to the same YAML', async () => {
    const dir = temporary();
    mkdirSync(path.join(dir, 'gb'));
    const variantPath = path.join(dir, 'gb', 'yuzhong-2023-self-evaluation.txt');
    const variant = SAMPLE.replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/\n/g, '\r\n');
    writeFileSync(variantPath, iconv.encode(variant, 'gb18030'));
    expect(readFileSync(variantPath).includes(Buffer.from('：', 'utf8'))).toBe(false);

    const utf8 = await importExports([SAMPLE_PATH], { outDir: path.join(dir, 'from-utf8'), force: false });
    const gb = await importExports([variantPath], { outDir: path.join(dir, 'from-gb'), force: false });
    expect(gb.diagnostics).toEqual([]);
    expect(gb.written).toHaveLength(3);
    for (const name of NAMES) {
      expect(readFileSync(path.join(dir, 'from-gb', name), 'utf8')).toBe(readFileSync(path.join(dir, 'from-utf8', name), 'utf8'));
    }
    expect(utf8.written).toHaveLength(3);
  });

  it('imports a UTF-8 file with a BOM the same way', async () => {
    const dir = temporary();
    const bomPath = path.join(dir, 'yuzhong-2023-self-evaluation.txt');
    writeFileSync(bomPath, `\uFEFF${SAMPLE}`);
    const result = await importExports([bomPath], { outDir: path.join(dir, 'out'), force: false });
    expect(result.diagnostics).toEqual([]);
    const reference = await importExports([SAMPLE_PATH], { outDir: path.join(dir, 'ref'), force: false });
    for (const name of NAMES) {
      expect(readFileSync(path.join(dir, 'out', name), 'utf8')).toBe(readFileSync(path.join(dir, 'ref', name), 'utf8'));
    }
    expect(reference.written).toHaveLength(3);
  });
});

describe('ziping import of a bad export', () => {
  it('fails a cut-off export at the line where it stops, writing only the complete forms before it', async () => {
    const file = new URL('import/truncated-mid-table.txt', FIXTURES).pathname;
    const out = path.join(temporary(), 'data');
    const result = await importExports([file], { outDir: out, force: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', severity: 'error', file, line: 62, col: 15 }),
    ]);
    expect(result.written).toEqual([path.join(out, NAMES[0])]);
    expect(yamlFiles(out)).toEqual([NAMES[0]]);
  });

  it('fails a text that is not an export at line 1 and writes nothing', async () => {
    const file = new URL('import/not-an-export.txt', FIXTURES).pathname;
    const out = path.join(temporary(), 'data');
    const result = await importExports([file], { outDir: out, force: false });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_NO_FORMS', file, line: 1, col: 1 })]);
    expect(result.written).toEqual([]);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('reports a file that cannot be read and goes on with the others', async () => {
    const out = path.join(temporary(), 'data');
    const result = await importExports(['/nonexistent/export.txt', SAMPLE_PATH], { outDir: out, force: false });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'E_READ', file: '/nonexistent/export.txt' })]);
    expect(result.written).toHaveLength(3);
  });

  it('keeps a form whose code and name try to climb out of the output folder inside it', async () => {
    const dir = temporary();
    const out = path.join(dir, 'a', 'b', 'data');
    const file = path.join(dir, 'evil.txt');
    writeFileSync(file, SAMPLE.replace('50010322T000000148597', '../../../etc').replace('夏季慰问及元旦、春节慰问', '../../passwd'));
    const result = await importExports([file], { outDir: out, force: false });
    expect(result.diagnostics).toEqual([]);
    expect(yamlFiles(out)).toContain('etc-passwd.yaml');
    expect(readdirSync(dir).sort()).toEqual(['a', 'evil.txt']);
    expect(readdirSync(path.join(dir, 'a'))).toEqual(['b']);
    expect(readdirSync(path.join(dir, 'a', 'b'))).toEqual(['data']);
    // The code itself is kept as printed inside the file.
    expect(YAML.parse(readFileSync(path.join(out, 'etc-passwd.yaml'), 'utf8'), { schema: 'failsafe' }).project.code).toBe('../../../etc');
  });

  it('does not write two forms that would share one file name', async () => {
    const dir = temporary();
    const out = path.join(dir, 'data');
    const result = await importExports([SAMPLE_PATH, SAMPLE_PATH], { outDir: out, force: true });
    expect(result.written).toHaveLength(3);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['E_DUPLICATE_FORM', 3],
      ['E_DUPLICATE_FORM', 38],
      ['E_DUPLICATE_FORM', 66],
    ]);
  });
});

describe('ziping import over existing files', () => {
  it('does not overwrite a changed YAML file without force, and does with it', async () => {
    const out = path.join(temporary(), 'data');
    await importExports([SAMPLE_PATH], { outDir: out, force: false });
    const edited = path.join(out, NAMES[1]);
    writeFileSync(edited, '# 手工修改\n');

    const again = await importExports([SAMPLE_PATH], { outDir: out, force: false });
    expect(readFileSync(edited, 'utf8')).toBe('# 手工修改\n');
    expect(again.written).toEqual([]);
    expect(again.skipped).toHaveLength(3);
    expect(again.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_EXISTS', severity: 'error', line: 38, hint: expect.stringContaining('--force') }),
    ]);

    const forced = await importExports([SAMPLE_PATH], { outDir: out, force: true });
    expect(forced.diagnostics).toEqual([]);
    expect(forced.written).toEqual([edited]);
    expect(readFileSync(edited, 'utf8')).toContain('form: 二级项目');
    expect(yamlFiles(out)).toEqual([...NAMES].sort());
  });

  it('writes the yaml-language-server line relative to the output folder', async () => {
    const dir = temporary();
    const out = path.join(dir, 'data', '2023');
    await importExports([SAMPLE_PATH], { outDir: out, force: false, schemaPath: path.join(dir, 'form.schema.json') });
    expect(readFileSync(path.join(out, NAMES[0]), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../form.schema.json');
  });
});
