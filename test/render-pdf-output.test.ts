import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../src/render/fonts/font-set.js';
import { createPdfRenderer } from '../src/render/pdf/index.js';
import { externalTool } from './support/external-tool.js';
import { CONTENT_WIDTH, cell, formSizedDocument, layoutDocument, row, table, textBlock } from './render-pdf-sample-layout.js';
import type { TableBlock } from '../src/layout/layout-model.js';

const pdftotext = externalTool('pdftotext');
const pdffonts = externalTool('pdffonts');
const pdfinfo = externalTool('pdfinfo');
const qpdf = externalTool('qpdf');

const fonts = loadFontSet('fonts/fonts.json');
const renderer = createPdfRenderer({ fonts });
const date = new Date('2024-03-01T08:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ziping-pdf-'));
let fileCount = 0;

async function renderToFile(doc = formSizedDocument()): Promise<string> {
  const file = join(dir, `${(fileCount += 1)}.pdf`);
  writeFileSync(file, (await renderer.render(doc, { date })).bytes);
  return file;
}

function run(command: string, args: string[]): { stdout: string; status: number | null } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { stdout: result.stdout + result.stderr, status: result.status };
}

function pageText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', [...range, '-layout', file, '-']).stdout;
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)![1]);
}

/** 60 rows of long text under one repeating header row; each row carries a unique marker. */
function longTable() {
  const header = row([cell('序号标题'), cell('指标说明标题'), cell('完成情况标题')]);
  const body = Array.from({ length: 60 }, (_, i) =>
    row([
      cell(`行${String(i + 1).padStart(2, '0')}号`),
      cell(`第${i + 1}项指标的说明文字，`.repeat(6)),
      cell(`完成情况良好，按计划推进。`.repeat(3)),
    ]),
  );
  return layoutDocument([textBlock('长表格'), table([90, 400, CONTENT_WIDTH - 490], [header, ...body], { headerRows: 1 })]);
}

describe('PDF renderer output', () => {
  let formFile = '';
  beforeAll(async () => {
    formFile = await renderToFile();
  });

  it.skipIf(!pdftotext.available)(`holds the cells' text in reading order ${pdftotext.reason}`, () => {
    const text = pageText(formFile).replace(/\s+/g, ' ');
    const expected = ['2023年度二级项目绩效自评表', '状态：绩效审核已审', '项目名称', '夏季慰问及元旦、春节慰问', '自评总分', '100.00',
      '024-重庆市渝中区人民政府办公室', '李路遥', '63765419', '其中：财政拨款', '产出指标1', '慰问城管、住建、卫健等一线人员第1项', '产出指标8'];
    let from = 0;
    for (const fragment of expected) {
      const at = text.indexOf(fragment, from);
      expect(at, `“${fragment}” after position ${from} in: ${text}`).toBeGreaterThanOrEqual(0);
      from = at + fragment.length;
    }
  });

  it.skipIf(!pdffonts.available)(`embeds only subset fonts ${pdffonts.reason}`, () => {
    const lines = run('pdffonts', [formFile]).stdout.trim().split('\n').slice(2);
    expect(lines.length).toBe(2); // regular and bold
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it.skipIf(!qpdf.available)(`passes qpdf --check ${qpdf.reason}`, () => {
    const { stdout, status } = run('qpdf', ['--check', formFile]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
    expect(status).toBe(0);
  });

  it.skipIf(!pdfinfo.available)(`sets an A4 landscape page, PDF 1.7 and the info fields ${pdfinfo.reason}`, () => {
    const info = run('pdfinfo', [formFile]).stdout;
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(info).toMatch(/Page rot:\s+0/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Title:\s+测试表/);
    expect(info).toMatch(/Subject:\s+渲染测试/);
    expect(info).toMatch(/Keywords:\s+测试/);
    expect(info).toMatch(/CreationDate:.*2024/);
    expect(run('pdfinfo', ['-isodates', formFile]).stdout).toMatch(/ModDate:\s+2024-03-01T08:00:00(Z|\+00)/);
  });

  it.skipIf(!pdftotext.available || !pdfinfo.available)(
    `repeats the header on every page and splits no row ${pdftotext.reason}${pdfinfo.reason}`,
    async () => {
      const file = await renderToFile(longTable());
      const pages = pageCount(file);
      expect(pages).toBeGreaterThanOrEqual(3);
      const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1).replace(/\s+/g, ''));
      for (const text of texts) expect(text).toContain('序号标题指标说明标题完成情况标题');
      for (let i = 1; i <= 60; i += 1) {
        const marker = `行${String(i).padStart(2, '0')}号`;
        const line = `第${i}项指标的说明文字，`.repeat(6);
        const onPages = texts.filter((text) => text.includes(marker));
        expect(onPages, marker).toHaveLength(1);
        // The whole row is on that page: its last repetition of the long text too.
        expect(onPages[0].replace(/完成情况良好，按计划推进。/g, ''), marker).toContain(line.slice(-12));
      }
    },
  );

  it.skipIf(!pdftotext.available || !pdfinfo.available).each([0, 25, 50])(
    `repeats a rowSpan group's label on every page its rows reach (table %ipt lower) ${pdftotext.reason}${pdfinfo.reason}`,
    async (offset) => {
      const header = row([cell('类别'), cell('指标'), cell('值')]);
      const rows = [header];
      for (let group = 0; group < 20; group += 1) {
        const first = rows.length;
        rows.push(row([cell(`组${group + 1}`, { rowSpan: 4 }), cell(`组${group + 1}甲`), cell('1')]));
        for (const name of ['乙', '丙', '丁']) rows.push(row([{ kind: 'covered', row: first, col: 0 }, cell(`组${group + 1}${name}`), cell('1')]));
      }
      const spacer = { kind: 'spacer' as const, height: offset };
      const file = await renderToFile(layoutDocument([spacer, table([120, 400, CONTENT_WIDTH - 520], rows, { headerRows: 1 })]));
      const pages = pageCount(file);
      expect(pages).toBeGreaterThanOrEqual(2);
      const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
      for (let group = 1; group <= 20; group += 1) {
        const holding = texts.filter((text) => ['甲', '乙', '丙', '丁'].some((name) => text.includes(`组${group}${name}`)));
        expect(holding.length, `group ${group}`).toBeGreaterThanOrEqual(1);
        for (const name of ['甲', '乙', '丙', '丁']) expect(texts.filter((text) => text.includes(`组${group}${name}`)), `组${group}${name}`).toHaveLength(1);
        for (const text of holding) expect(text).toMatch(new RegExp(`组${group}\\s`));
      }
    },
  );

  it('gives the same bytes for the same input, and a different /ID for another identifier', async () => {
    const first = (await renderer.render(formSizedDocument('50010322T000000148597'), { date })).bytes;
    const again = (await renderer.render(formSizedDocument('50010322T000000148597'), { date })).bytes;
    const other = (await renderer.render(formSizedDocument('50010322T000000148598'), { date })).bytes;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))![1];
    expect(id(first)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(first));
  });

  it.skipIf(!pdftotext.available)(`paints each cell in the lines the layout broke it into, none starting with closing punctuation ${pdftotext.reason}`, async () => {
    // pdftotext's lines (-bbox-layout), each as its words joined.
    const lines = (file: string) =>
      [...run('pdftotext', ['-bbox-layout', file, '-']).stdout.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
        [...m[1]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      );
    const chinese = ['（一）“资金到位率”≥95%，——按期完成；《渝中政务》编印12期。'.repeat(3), '说明：'.concat('保障全区疫情防控形势平稳有序，'.repeat(9))];
    const latin = [
      'Budget performance self-evaluation with words, spaces and punctuation; '.repeat(3),
      '完成率达到 98.5% ，超过 year-end target of 95%。'.repeat(4),
      'https://example.gov.cn/a/very/long/address/without/any/place/to/break/it/at/all/whatsoever/x',
      'Averylongwordwithoutanybreakopportunityatallthatmustbecutsomewhereinthemiddle'.repeat(2),
    ];
    const doc = layoutDocument([table([120, 260, CONTENT_WIDTH - 380], [...chinese, ...latin].map((text) => row([cell(text.slice(0, 6)), cell(text), cell(text)])))]);
    const file = join(dir, 'lines.pdf');
    writeFileSync(file, (await renderer.render(doc, { date })).bytes);
    const painted = new Set(lines(file).map((line) => line.replace(/\s+/g, '')));
    const decided = (doc.blocks[0] as TableBlock).rows.flatMap((r) => r.slots.flatMap((slot) => (slot.kind === 'cell' ? slot.lines : [])));
    expect(decided.length).toBeGreaterThan(40);
    // pdftotext joins cells of one row that sit on one baseline; lines of the wide columns stand alone.
    const wide = (doc.blocks[0] as TableBlock).rows.flatMap((r) => (r.slots[2]!.kind === 'cell' ? r.slots[2]!.lines : []));
    for (const line of wide) expect([...painted].some((p) => p.endsWith(line.replace(/\s+/g, '')))).toBe(true);
    for (const line of decided.filter((l, i) => i > 0)) expect(line).not.toMatch(/^[，。、；：？！）》」』]/u);
    expect(decided.some((line) => line.length > 0 && line.endsWith('（'))).toBe(false);
  });

  it('gives the bytes of pdfmake’s own font path when fonts are cached', async () => {
    const uncached = createPdfRenderer({ fonts, cacheFonts: false });
    const doc = longTable();
    const cachedBytes = (await renderer.render(doc, { date })).bytes;
    expect(Buffer.from((await uncached.render(doc, { date })).bytes).equals(Buffer.from(cachedBytes))).toBe(true);
  });
});
