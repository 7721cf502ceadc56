import { decideLayout, type LayoutDocument, type TextBlock, type TextMetrics } from '../layout/index.js';

/** A4 (portrait numbers; the pages are landscape). */
const A4 = { width: 595.28, height: 841.89 };
/** The band at the foot of a page that holds the number: the forms keep a ≥ 24 pt bottom margin. */
export const PAGE_NUMBER_BAND = 20;
const SIZE = 8;

/**
 * A document of `total` pages whose page i shows `第 i 页 共 total 页`, centred in the bottom
 * band. The layout model has no page break, so the page's content area is made one line
 * tall (a line is ~11.5 pt at 8 pt in the CJK faces, two would need ~23): each line-sized
 * text block then lands on a page of its own. Rendered once per pack; each page is then
 * drawn over the matching pack page, so the numbers use the pack's own embedded font subset.
 */
export function pageNumberLayout(total: number, metrics: TextMetrics): LayoutDocument {
  const blocks: TextBlock[] = [];
  for (let page = 1; page <= total; page++) {
    blocks.push({ kind: 'text', text: `第 ${page} 页 共 ${total} 页`, lines: [], lineHeight: 0, style: { role: 'body', size: SIZE, bold: false }, align: 'center', spaceBefore: 0, spaceAfter: 0 });
  }
  return decideLayout({
    kind: 'document',
    page: { ...A4, orientation: 'landscape', margins: { top: A4.width - PAGE_NUMBER_BAND, right: 36, bottom: 1, left: 36 } },
    meta: { title: '页码', subject: '', author: '', identifier: `page-numbers-${total}`, keywords: [] },
    blocks,
    pages: 0,
  }, metrics);
}
