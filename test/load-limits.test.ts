import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadForms, loadFormSource, MAX_SOURCE_BYTES } from '../src/load/index.js';

const SAMPLE = 'data/2023/yuzhong-gov-office/summer-visits.yaml';
const sample = readFileSync(SAMPLE);
const tmp = mkdtempSync(path.join(tmpdir(), 'ziping-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);
const codesOf = (result: { diagnostics: { code: string; line: number; col: number }[] }) =>
  result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

describe('encoding', () => {
  it('accepts a UTF-8 byte order mark without shifting positions', () => {
    const plain = loadFormSource(SAMPLE, sample);
    const withBom = loadFormSource(SAMPLE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]));
    if (!plain.ok || !withBom.ok) throw new Error('expected both to load');
    expect(withBom.diagnostics).toEqual([]);
    expect(withBom.form.form).toEqual(plain.form.form);
    expect(withBom.form.locate(['form'])).toEqual(plain.form.locate(['form']));
    expect(withBom.form.locate(['form'])).toEqual({ line: 6, col: 7 });
  });

  it('rejects GBK bytes with the position of the first bad one', () => {
    // The sample with its 项目名称 re-encoded as GBK (夏 = 0xCF 0xC4), as an old editor saves it.
    const text = sample.toString('utf8');
    const at = text.indexOf('name: 夏季慰问') + 'name: '.length;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xcf, 0xc4]), Buffer.from(text.slice(at + 1))]);
    const result = loadFormSource(SAMPLE, bytes);
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toEqual(['11:9 E_ENCODING']);
    expect(result.diagnostics[0].message).toContain('0xCF');
  });
});

describe('hostile input', () => {
  it('stops an alias bomb quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    // Expanded, it would be 10^12 nodes: that it returns at all is the stop.
    const result = loadFormSource('bomb.yaml', encode(`${levels.join('\n')}\n`));
    expect(codesOf(result)).toEqual(['2:8 E_YAML_ALIASES']);
  });

  it('refuses deep nesting before the YAML parser sees it', () => {
    // The parser's recursion would overflow the stack on these; the depth check answers first.
    const brackets = loadFormSource('deep.yaml', encode(`form: 二级项目\nindicators: ${'['.repeat(200_000)}`));
    const dashes = loadFormSource('deep.yaml', encode(`indicators:\n  ${'- '.repeat(100_000)}x\n`));
    expect(codesOf(brackets)).toEqual(['2:45 E_YAML_TOO_DEEP']);
    expect(codesOf(dashes)).toEqual(['2:67 E_YAML_TOO_DEEP']);
  });

  it('refuses a file under the byte limit whose content is too big to parse cheaply', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: v\n`).join('');
    expect(keys.length).toBeLessThan(MAX_SOURCE_BYTES);
    const result = loadFormSource('keys.yaml', encode(keys));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['E_FILE_TOO_LARGE']);
    expect(result.diagnostics[0].line).toBeGreaterThan(10_000);
  });

  it('refuses bytes over the limit without decoding them', () => {
    // Not UTF-8 at all: decoded, they would give E_ENCODING.
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0xff);
    const result = loadFormSource('big.yaml', bytes);
    expect(codesOf(result)).toEqual(['1:1 E_FILE_TOO_LARGE']);
  });

  it('refuses a 50 MB file from its size, without reading it', async () => {
    const big = path.join(tmp, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: costs no disk and no time
    const good = path.join(tmp, 'good.yaml');
    writeFileSync(good, sample);
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const { forms, diagnostics } = await loadForms([big, good]);
    expect(diagnostics.map((d) => `${path.basename(d.file)} ${d.code}`)).toEqual(['big.yaml E_FILE_TOO_LARGE']);
    expect(diagnostics[0].message).toContain(String(MAX_SOURCE_BYTES));
    expect(forms.map((f) => path.basename(f.file))).toEqual(['good.yaml']);
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(MAX_SOURCE_BYTES);
  });
});

describe('across files', () => {
  it('reports a project code used twice in a year on the later file, and loads the rest', async () => {
    const dir = mkdtempSync(path.join(tmp, 'dup-'));
    writeFileSync(path.join(dir, 'a.yaml'), sample);
    writeFileSync(path.join(dir, 'b.yaml'), sample);
    writeFileSync(path.join(dir, 'c.yaml'), sample.toString('utf8').replace('year: 2023', 'year: 2024'));
    writeFileSync(path.join(dir, 'broken.yaml'), 'form: [');
    const { forms, diagnostics } = await loadForms([dir]);
    expect(forms.map((f) => path.basename(f.file))).toEqual(['a.yaml', 'c.yaml']);
    expect(diagnostics.map((d) => `${path.basename(d.file)} ${d.line}:${d.col} ${d.code} ${d.path}`)).toEqual([
      'b.yaml 12:9 E_DUPLICATE_CODE project.code',
      'broken.yaml 1:8 E_YAML_SYNTAX ',
    ]);
    expect(diagnostics[0].message).toContain(path.join(dir, 'a.yaml'));
    expect(diagnostics[0].message).toContain('50010322T000000148597');
  });

  it('reports a path that does not exist and goes on', async () => {
    const { forms, diagnostics } = await loadForms([path.join(tmp, 'missing.yaml'), SAMPLE]);
    expect(forms.map((f) => f.file)).toEqual([SAMPLE]);
    expect(diagnostics.map((d) => d.code)).toEqual(['E_NOT_FOUND']);
  });
});
