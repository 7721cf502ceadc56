import type { PlacedText } from '../../layout/layout-model.js';
import type { PdfKitDocument } from './pdfmake-internals.js';

/** The parts of pdfmake's laid-out pages the check reads (pdfmake 0.3.11, `Renderer.renderPages`). */
interface PdfmakePage {
  pageSize: { width: number; height: number };
  items: { type: string; item: PdfmakeLine }[];
}

interface PdfmakeLine {
  x: number;
  y: number;
  inlines: { text: string }[];
  getWidth(): number;
  getHeight(): number;
}

/** Half a point: pdfmake's own rounding never moves a line further. */
const SLACK = 0.5;

/**
 * Every line of text pdfmake painted inside its page, in paint order. pdfmake keeps the pages
 * it rendered on the document (`_pdfMakePages`); a line it drew off the page, or did not keep
 * (a row taller than a page), is not among them. Read after rendering, so this is what the
 * file holds, not what was asked for.
 */
export function paintedLines(document: PdfKitDocument): PlacedText {
  const pieces: string[] = [];
  for (const page of pdfmakePages(document)) {
    const { width, height } = page.pageSize;
    for (const { type, item: line } of page.items) {
      if (type !== 'line') continue;
      const inside = line.x >= -SLACK && line.y >= -SLACK && line.x + line.getWidth() <= width + SLACK && line.y + line.getHeight() <= height + SLACK;
      if (inside) pieces.push(line.inlines.map((inline) => inline.text).join(''));
    }
  }
  return { pieces };
}

function pdfmakePages(document: PdfKitDocument): PdfmakePage[] {
  const pages = (document as unknown as { _pdfMakePages?: unknown })._pdfMakePages;
  if (!Array.isArray(pages)) throw new Error('pdfmake 的内部接口已变化（_pdfMakePages），无法核对 PDF 是否完整，请核对 pdfmake 版本');
  return pages as PdfmakePage[];
}

/** How many pages pdfmake laid the document out on. */
export function paintedPageCount(document: PdfKitDocument): number {
  return pdfmakePages(document).length;
}
