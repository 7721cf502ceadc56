import { decideLayout } from '../src/layout/index.js';
import { fontMetrics } from '../src/render/fonts/font-metrics.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import * as fontkit from 'fontkit';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, GridCell, GridSlot, LayoutDocument, TableBlock, TableRow, TextStyle } from '../src/layout/layout-model.js';
import { createDocxRenderer } from '../src/render/docx/index.js';
import { loadFontSet } from '../src/render/fonts/font-set.js';
import { externalTool } from './support/external-tool.js';

const soffice = externalTool('soffice');
const pdftotext = externalTool('pdftotext');
const pdfinfo = externalTool('pdfinfo');
const pdffonts = externalTool('pdffonts');
const officeTools = soffice.reason || pdftotext.reason || pdfinfo.reason || pdffonts.reason;

const fonts = loadFontSet('fonts/fonts.json');
const renderer = createDocxRenderer({ fonts });
const date = new Date('2024-03-01T08:00:00Z');

// ---- a small builder for hand-made layout documents -------------------------------------

/** A4 landscape with 2 cm margins: 801.89 pt of content width. */
const CONTENT_WIDTH = 841.89 - 2 * 56.7;

function style(size = 9, bold = false, role: TextStyle['role'] = 'body'): TextStyle {
  return { role, size, bold };
}

function cell(text: string, options: Partial<Omit<GridCell, 'kind' | 'text'>> = {}): GridCell {
  return {
    kind: 'cell',
    text,
    lines: [],
    lineHeight: 0,
    style: style(),
    align: 'left',
    valign: 'middle',
    colSpan: 1,
    rowSpan: 1,
    noWrap: false,
    fill: null,
    borders: { top: true, right: true, bottom: true, left: true },
    ...options,
  };
}

/** Places each row's starting cells left to right into the grid, filling the slots their spans cover. */
function grid(columnCount: number, rows: GridCell[][]): TableRow[] {
  const slots: (GridSlot | undefined)[][] = rows.map(() => new Array(columnCount).fill(undefined));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const start of cells) {
      while (slots[r]![c]) c++;
      for (let dr = 0; dr < start.rowSpan; dr++) {
        for (let dc = 0; dc < start.colSpan; dc++) slots[r + dr]![c + dc] = dr || dc ? { kind: 'covered', row: r, col: c } : start;
      }
      c += start.colSpan;
    }
  });
  return slots.map((row) => ({ slots: row.map((slot) => slot ?? cell('')), cantSplit: true, minHeight: 0, height: 0 }));
}

function table(columns: number[], rows: GridCell[][], options: Partial<TableBlock> = {}): TableBlock {
  return {
    kind: 'table',
    columns,
    headerRows: 0,
    keepWithHeaderRows: 0,
    rows: grid(columns.length, rows),
    borderWidth: 0.5,
    borderColor: '#000000',
    cellPadding: { horizontal: 3, vertical: 2 },
    spaceBefore: 0,
    spaceAfter: 6,
    ...options,
  };
}

function text(content: string, size = 9, bold = false, role: TextStyle['role'] = 'body'): Block {
  return { kind: 'text', text: content, lines: [], lineHeight: 0, style: style(size, bold, role), align: bold ? 'center' : 'left', spaceBefore: 0, spaceAfter: 6 };
}

/** Lines, heights and pages decided by the layout from the real faces, as for a form. */
function layoutDocument(blocks: Block[]): LayoutDocument {
  return decideLayout({
    kind: 'document',
    page: { width: 595.28, height: 841.89, orientation: 'landscape', margins: { top: 56.7, right: 56.7, bottom: 56.7, left: 56.7 } },
    meta: { title: '测试表', subject: '绩效自评', author: 'ziping', identifier: 'T-001', keywords: ['测试'] },
    blocks,
    pages: 0,
  }, fontMetrics(fonts));
}

/** Every kind of block and cell feature: spans, fill, noWrap, partial borders, line breaks, a spacer. */
function featureDocument(): LayoutDocument {
  const quarter = CONTENT_WIDTH / 4;
  return layoutDocument([
    text('2023年度二级项目绩效自评表', 16, true, 'title'),
    text('状态：绩效审核已审\n第二行说明'),
    table(
      [quarter, quarter, quarter, quarter],
      [
        [cell('项目名称', { noWrap: true, fill: '#eeeeee', style: style(9, true, 'label') }), cell('夏季慰问及元旦春节慰问', { colSpan: 3 })],
        [cell('资金情况', { rowSpan: 2, valign: 'middle' }), cell('年初预算数'), cell('1,700,000.00', { align: 'right', style: style(9, false, 'number') }), cell('甲')],
        [cell('调整预算数'), cell('1,190,000.00', { align: 'right' }), cell('乙')],
        [cell('无边框', { borders: { top: true, right: false, bottom: false, left: false } }), cell('跨两行两列', { colSpan: 2, rowSpan: 2 }), cell('丙')],
        [cell('丁'), cell('戊')],
      ],
    ),
    { kind: 'spacer', height: 12 },
    {
      ...table([CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], [[cell('第二张表左'), cell('第二张表右')]], { spaceAfter: 0 }),
      rows: [{ ...grid(2, [[cell('第二张表左'), cell('第二张表右')]])[0]!, minHeight: 30, cantSplit: false }],
    },
  ]);
}

/** 60 rows under a repeating header row; each row carries a marker. */
function longDocument(): LayoutDocument {
  const header = [cell('序号标题', { style: style(9, true) }), cell('指标说明标题', { style: style(9, true) }), cell('完成情况标题', { style: style(9, true) })];
  const body = Array.from({ length: 60 }, (_, i) => [
    cell(`行${String(i + 1).padStart(2, '0')}号`),
    cell(`第${i + 1}项指标的说明文字，`.repeat(4)),
    cell('完成情况良好，按计划推进。'),
  ]);
  return layoutDocument([text('长表格'), table([90, 400, CONTENT_WIDTH - 490], [header, ...body], { headerRows: 1, keepWithHeaderRows: 1 })]);
}

/** A one-page form from the sample export: its first form's lines, 11 columns, real text. */
function formSizedDocument(): LayoutDocument {
  const sample = readFileSync('test/fixtures/yuzhong-2023-self-evaluation.txt', 'utf8').split('\n');
  const end = sample.findIndex((line, i) => i > 5 && line.includes('年度二级项目绩效自评表'));
  const lines = sample.slice(0, end).filter((line) => line.includes('\t'));
  const rows = lines.map((line) => {
    const cells = line.split('\t').slice(0, 11);
    while (cells.length < 11) cells.push('');
    return cells.map((value) => cell(value, { style: style(8), align: /^[\d,.%-]+$/.test(value) ? 'right' : 'left' }));
  });
  const columns = [150, 62, 68, 68, 68, 50, 50, 50, 50, 55];
  columns.push(CONTENT_WIDTH - columns.reduce((sum, w) => sum + w, 0));
  return layoutDocument([text(sample[2]!, 16, true, 'title'), table(columns, rows, { cellPadding: { horizontal: 3, vertical: 1 } })]);
}

async function part(docx: Uint8Array, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(docx)).file(path);
  if (!file) throw new Error(`missing part ${path}`);
  return file.async('string');
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

// ---- tests ------------------------------------------------------------------------------

describe('DOCX renderer', () => {
  let featureEmbed: Uint8Array;
  let featureSystem: Uint8Array;

  beforeAll(async () => {
    featureEmbed = (await renderer.render(featureDocument(), { date })).bytes;
    featureSystem = (await renderer.render(featureDocument(), { date, fontMode: 'system' })).bytes;
  });

  it('passes the Open XML SDK schema validation in both font modes', async () => {
    expect(await validate(featureEmbed, 'docx', 'Microsoft365')).toEqual([]);
    expect(await validate(featureSystem, 'docx', 'Microsoft365')).toEqual([]);
  });

  it('gives identical bytes for the same document and date, from a fresh renderer too', async () => {
    const again = (await createDocxRenderer({ fonts }).render(featureDocument(), { date })).bytes;
    expect(Buffer.from(again).equals(Buffer.from(featureEmbed))).toBe(true);
    const systemAgain = (await renderer.render(featureDocument(), { date, fontMode: 'system' })).bytes;
    expect(Buffer.from(systemAgain).equals(Buffer.from(featureSystem))).toBe(true);
  });

  it('reuses a cell shape\'s XML with each cell\'s own text, whatever the renderer wrote before', async () => {
    const used = createDocxRenderer({ fonts });
    (await used.render(longDocument(), { date })).bytes;
    (await used.render(featureDocument(), { date, fontMode: 'system' })).bytes;
    const after = (await used.render(featureDocument(), { date })).bytes;
    expect(Buffer.from(after).equals(Buffer.from(featureEmbed))).toBe(true);
    // 甲 乙 丙 丁 戊 share one shape; each keeps its text, in order.
    const texts = [...(await part(featureEmbed, 'word/document.xml')).matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.filter((text) => '甲乙丙丁戊'.includes(text!))).toEqual(['甲', '乙', '丙', '丁', '戊']);
    const long = await part((await used.render(longDocument(), { date })).bytes, 'word/document.xml');
    for (let i = 1; i <= 60; i++) expect(long).toContain(`行${String(i).padStart(2, '0')}号`);
  });

  it('renders the same document object twice alike (docx mutates the rows it is given)', async () => {
    const doc = featureDocument();
    const first = (await renderer.render(doc, { date })).bytes;
    const second = (await renderer.render(doc, { date })).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('stamps the given date in the core properties and the zip entries', async () => {
    const core = await part(featureEmbed, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T08:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T08:00:00Z</dcterms:modified>');
    const zip = await JSZip.loadAsync(featureEmbed);
    zip.forEach((_, entry) => expect(entry.date.toISOString()).toBe('2024-03-01T08:00:00.000Z'));
    const later = (await renderer.render(featureDocument(), { date: new Date('2025-01-02T03:04:05Z') })).bytes;
    expect(await part(later, 'docProps/core.xml')).toContain('2025-01-02T03:04:05Z');
  });

  it('keeps merged cells: gridSpan for colSpan, vMerge restart/continue for rowSpan', async () => {
    const xml = await part(featureEmbed, 'word/document.xml');
    const rows = xml.split('<w:tr>').slice(1);
    const cellsPerRow = rows.slice(0, 5).map((row) => row.split('<w:tc>').length - 1);
    // Covered slots of a colSpan are left out; those of a rowSpan become vMerge continue cells.
    expect(cellsPerRow).toEqual([2, 4, 4, 3, 3]);
    expect(rows[0]).toContain('<w:gridSpan w:val="3"/>');
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*资金情况/);
    expect(rows[2]).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(rows[3]).toMatch(/<w:gridSpan w:val="2"\/><w:vMerge w:val="restart"\/>/);
    expect(rows[4]).toMatch(/<w:gridSpan w:val="2"\/><w:vMerge w:val="continue"\/>/);
  });

  it('writes the grid in DXA with fixed layout, landscape pages, noWrap and fills', async () => {
    const xml = await part(featureEmbed, 'word/document.xml');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // 728.49 pt / 4 = 182.1225 pt = 3642.45 DXA: boundaries rounded from the running sum.
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="3642"/><w:gridCol w:w="3643"/><w:gridCol w:w="3642"/><w:gridCol w:w="3643"/></w:tblGrid>');
    expect(xml).toContain('<w:tcW w:type="dxa" w:w="10928"/><w:gridSpan w:val="3"/>');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="EEEEEE"[^>]*\/><w:noWrap\/>/);
    expect(xml).toContain('<w:br/>');
    const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(lastTable).toContain('<w:trHeight w:val="600" w:hRule="atLeast"/>');
    expect(lastTable).not.toContain('cantSplit');
  });

  it('marks header rows, unsplittable rows and keeps the header with the first body row', async () => {
    const xml = await part((await renderer.render(longDocument(), { date, fontMode: 'system' })).bytes, 'word/document.xml');
    // One table per page the layout gave it, each starting with the header row again.
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(1);
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(60 + tables.length);
    const header = rows.filter((row) => /^<w:trPr>[^]*?<w:tblHeader\/>[^]*?<\/w:trPr>/.test(row));
    expect(header).toHaveLength(tables.length);
    const properties = rows.map((row) => /^<w:trPr>([^]*?)<\/w:trPr>/.exec(row)?.[1] ?? '');
    expect(properties.every((trPr) => trPr.includes('<w:cantSplit/>') && /<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/.test(trPr))).toBe(true);
    expect(rows[0]).toContain('<w:keepNext/>');
    expect(rows[1]).not.toContain('keepNext');
  });

  it('embeds subsets named as the runs name them, and names the system faces in system mode', async () => {
    const embedTable = await part(featureEmbed, 'word/fontTable.xml');
    const family = /<w:font w:name="(NotoSerifSC_[0-9a-f]{8})">[\s\S]*<w:embedRegular [^>]*\/>[\s\S]*<w:embedBold [^>]*\/>/.exec(embedTable)?.[1];
    expect(family).toBeDefined();
    const styles = await part(featureEmbed, 'word/styles.xml');
    expect(styles).toContain(`w:eastAsia="${family}"`);

    // De-obfuscate the bold face with its key: it holds the bold text's characters, under the run's family name.
    const zip = await JSZip.loadAsync(featureEmbed);
    const key = /<w:embedBold r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}" w:subsetted="1"\/>/.exec(embedTable)!;
    const rels = await part(featureEmbed, 'word/_rels/fontTable.xml.rels');
    const target = new RegExp(`Id="${key[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${key[1]}"`).exec(rels)!;
    const odttf = await zip.file(`word/${target[1] ?? target[2]}`)!.async('uint8array');
    const guid = key[2]!.replace(/-/g, '').match(/../g)!.map((hex) => parseInt(hex, 16)).reverse();
    const fontBytes = odttf.map((byte, i) => (i < 32 ? byte ^ guid[i % 16]! : byte));
    const font = fontkit.create(Buffer.from(fontBytes)) as fontkit.Font;
    expect(font.familyName).toBe(family);
    expect(font.subfamilyName).toBe('Bold');
    for (const char of '年度二级项目绩效自评表项目名称0') expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    expect(font.hasGlyphForCodePoint('戊'.codePointAt(0)!)).toBe(false); // used only in regular text

    const systemTable = await part(featureSystem, 'word/fontTable.xml');
    expect(systemTable).not.toContain('embed');
    const systemXml = await part(featureSystem, 'word/document.xml');
    expect(systemXml).toContain('w:eastAsia="黑体"'); // the title role
    expect(await part(featureSystem, 'word/styles.xml')).toContain('w:eastAsia="宋体"');
    expect([...Object.keys((await JSZip.loadAsync(featureSystem)).files)].some((name) => name.endsWith('.odttf'))).toBe(false);
  });

  it('keeps an embedded-font form of one page under 250 KB', async () => {
    const bytes = (await renderer.render(formSizedDocument(), { date })).bytes;
    expect(bytes.length).toBeLessThan(250 * 1024);
    expect(bytes.length).toBeGreaterThan(20 * 1024); // the fonts are really in it
  });
});

describe.skipIf(Boolean(officeTools))(`DOCX renderer in LibreOffice ${officeTools}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-docx-'));
  const pdf = (name: string) => join(dir, `${name}.pdf`);
  const pages = (name: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf(name)]))![1]);
  const pdfFontNames = (name: string) =>
    run('pdffonts', [pdf(name)])
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!)
      .filter(Boolean)
      .sort();
  const textOf = (name: string, page?: number) =>
    run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf(name), '-']);

  beforeAll(async () => {
    const documents: Record<string, [LayoutDocument, 'embed' | 'system']> = {
      'feature-embed': [featureDocument(), 'embed'],
      'feature-system': [featureDocument(), 'system'],
      long: [longDocument(), 'embed'],
      form: [formSizedDocument(), 'embed'],
    };
    const files: string[] = [];
    for (const [name, [doc, fontMode]] of Object.entries(documents)) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, (await renderer.render(doc, { date, fontMode })).bytes);
      files.push(file);
    }
    // One soffice process for every file: its start-up is most of the cost.
    const profile = `file://${join(dir, 'lo-profile')}`;
    run('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...files]);
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays the feature document out on one page, cells in reading order, with the embedded faces', () => {
    expect(pages('feature-embed')).toBe(1);
    // pdftotext puts spaces between CJK and Latin text (`2023 年度`) and between columns.
    const pageText = textOf('feature-embed').replace(/\s+/g, '');
    // Visual order: a vertically centred rowSpan cell's text falls between the lines of its rows.
    const order = ['2023年度二级项目绩效自评表', '状态：绩效审核已审', '第二行说明', '项目名称', '夏季慰问及元旦春节慰问', '年初预算数', '1,700,000.00', '甲'];
    order.push('资金情况', '调整预算数', '1,190,000.00', '乙', '无边框', '丙', '跨两行两列', '丁', '戊', '第二张表左', '第二张表右');
    let at = -1;
    for (const expected of order) {
      const next = pageText.indexOf(expected, at + 1);
      expect(next, `${expected} after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    const embedFonts = pdfFontNames('feature-embed');
    expect(embedFonts).toEqual([expect.stringMatching(/\+NotoSerifSC_[0-9a-f]{8}-Bold$/), expect.stringMatching(/\+NotoSerifSC_[0-9a-f]{8}-Regular$/)]);
  });

  it('shows every character in the document\'s own faces (no fallback), though several documents share one soffice', () => {
    for (const name of ['feature-embed', 'long', 'form']) {
      for (const font of pdfFontNames(name)) expect(font, name).toMatch(/\+NotoSerifSC_[0-9a-f]{8}-(Regular|Bold)$/);
    }
  });

  it('uses no embedded face in system mode', () => {
    expect(pages('feature-system')).toBe(1);
    expect(pdfFontNames('feature-system').join(' ')).not.toMatch(/NotoSerifSC/);
  });

  it('repeats the header row on every page of a long table', () => {
    const count = pages('long');
    expect(count).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= count; page++) expect(textOf('long', page), `page ${page}`).toContain('指标说明标题');
    const all = textOf('long').replace(/\s+/g, '');
    for (const marker of ['行01号', '行30号', '行60号']) expect(all).toContain(marker);
  });

  it('keeps the form-sized document on one page', () => {
    expect(pages('form')).toBe(1);
    expect(textOf('form').replace(/\s+/g, '')).toContain('政务公开工作排名进入全市各区县前10');
  });
});
