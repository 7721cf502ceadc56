import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { unplacedCells, type LayoutDocument } from '../layout/index.js';
import { findMissingGlyphs } from '../render/fonts/find-missing-glyphs.js';
import type { FontSet } from '../render/fonts/font-set.js';
import { fontMetrics } from '../render/fonts/font-metrics.js';
import type { PdfRenderer } from '../render/pdf/index.js';
import { addOutline } from './add-outline.js';
import { contentsLayout } from './contents-layout.js';
import { coverLayout } from './cover-layout.js';
import type { PackGroup } from './pack-group.js';
import type { PackTemplates } from './pack-templates.js';
import { packTitle } from './pack-title.js';
import { pageNumberLayout } from './page-number-layout.js';
import { stampPageNumbers } from './stamp-page-numbers.js';

export interface AssembleOptions {
  renderer: PdfRenderer;
  fonts: FontSet;
  templates: PackTemplates;
  date: Date;
  /** Written as the PDF's Producer. */
  producer: string;
}

export interface AssembledPack {
  bytes: Uint8Array;
  pages: number;
  contentsPages: number;
  /** 1-based pack page of each form's first page, in `group.forms` order. */
  firstPages: number[];
}

/** The contents are laid out until their page count is the one their page numbers assumed; this many rounds always settle. */
const MAX_CONTENTS_ROUNDS = 5;
/** A one-line contents row is ~20 pt, an A4 landscape page holds ~24: a first guess that is usually right saves a layout (~1 s per 300 rows). */
const CONTENTS_ROWS_PER_PAGE = 24;

async function renderChecked(layout: LayoutDocument, options: AssembleOptions): Promise<PDFDocument> {
  const missing = findMissingGlyphs(layout, options.fonts);
  if (missing.length > 0) {
    throw new Error(`字符“${missing[0].char}”（${missing[0].codePoint}）没有任何已配置的字体包含：${layout.meta.title} ${missing[0].where}`);
  }
  return PDFDocument.load(await renderComplete(layout, options));
}

/** The PDF of a layout, refused when it lacks any of the layout's text (a contents row lost). */
async function renderComplete(layout: LayoutDocument, options: AssembleOptions): Promise<Uint8Array> {
  const { bytes, placed } = await options.renderer.render(layout, { date: options.date });
  const unplaced = unplacedCells(layout, placed);
  if (unplaced.length > 0) throw new Error(`${layout.meta.title} 的 PDF 缺少内容“${unplaced[0].text.slice(0, 40)}”等 ${unplaced.length} 处，未写出`);
  return bytes;
}

function firstPagesAfter(start: number, pageCounts: number[]): number[] {
  let next = start;
  return pageCounts.map((count) => {
    const first = next;
    next += count;
    return first;
  });
}

/**
 * One pack PDF: cover, contents (each form's type, code, name, 自评总分 and first page), the
 * forms' own pages copied unchanged (fonts and all), one bookmark per form, and
 * `第 X 页 共 Y 页` at the foot of every page. Same inputs and date → same bytes.
 */
export async function assemblePack(group: PackGroup, options: AssembleOptions): Promise<AssembledPack> {
  const forms = await Promise.all(group.forms.map(async (form) => PDFDocument.load(await readFile(form.pdf.file))));
  const pageCounts = forms.map((doc) => doc.getPageCount());
  const cover = await renderChecked(coverLayout(group, options.date, options.templates, fontMetrics(options.fonts)), options);

  // The contents list page numbers that depend on how many pages the contents take.
  let contentsPages = Math.max(1, Math.ceil(group.forms.length / CONTENTS_ROWS_PER_PAGE));
  let contents: PDFDocument | undefined;
  let firstPages: number[] = [];
  for (let round = 0; round < MAX_CONTENTS_ROUNDS && contents === undefined; round++) {
    firstPages = firstPagesAfter(cover.getPageCount() + contentsPages + 1, pageCounts);
    const rendered = await renderChecked(contentsLayout(group, firstPages, options.templates, fontMetrics(options.fonts)), options);
    if (rendered.getPageCount() === contentsPages) contents = rendered;
    else contentsPages = rendered.getPageCount();
  }
  if (!contents) throw new Error(`目录页数无法确定（${group.file}）`);

  const pack = await PDFDocument.create({ updateMetadata: false });
  for (const source of [cover, contents, ...forms]) {
    for (const page of await pack.copyPages(source, source.getPageIndices())) pack.addPage(page);
  }
  addOutline(
    pack,
    group.forms.map((form, index) => ({ title: `${index + 1}. ${form.name}（${form.form} ${form.code}）`, page: firstPages[index] - 1 })),
  );
  await stampPageNumbers(pack, await renderComplete(pageNumberLayout(pack.getPageCount(), fontMetrics(options.fonts)), options));

  const title = packTitle(group);
  pack.setTitle(group.department ? `${title}（${group.department}）` : title, { showInWindowTitleBar: true });
  pack.setAuthor(group.department ?? '');
  pack.setSubject(title);
  pack.setKeywords([String(group.year), '绩效自评表', ...(group.department ? [group.department] : [])]);
  pack.setLanguage('zh-CN');
  pack.setProducer(options.producer);
  pack.setCreator(options.producer);
  pack.setCreationDate(options.date);
  pack.setModificationDate(options.date);
  const bytes = await pack.save({ addDefaultPage: false });
  return { bytes, pages: pack.getPageCount(), contentsPages, firstPages };
}
