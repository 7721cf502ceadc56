import type { Block, PageSetup, Points, TableBlock } from './layout-model.js';
import { cutSpansBefore } from './cut-spans-before.js';
import { estimateRowHeights, LINE_HEIGHT_EM } from './estimate-row-heights.js';
import { estimateTextLines } from './estimate-text-lines.js';

/**
 * Page breaks for the tables marked `<table paginate>`, decided in the layout stage so that
 * the PDF and the DOCX break at the same rows: heights are estimated on the high side (see
 * estimateRowHeights), each row goes on the page while the estimate fits, and the break rows
 * get `pageBreakBefore` with every rowSpan cell crossing them cut and its label repeated.
 *
 * Why here and not in a renderer: Word and LibreOffice paginate DOCX on their own and leave a
 * merged cell that continues on the next page blank there (LibreOffice 7.4 also ignores
 * keep-with-next on table rows), so the only break a DOCX can be relied on to honour is one
 * written into it. Breaking a little early costs some white space at the foot of a page;
 * breaking late would leave blank labels, so the estimate errs early.
 */
export function paginateTables(blocks: readonly Block[], page: PageSetup, paginate: ReadonlySet<number>): Block[] {
  const landscape = page.orientation === 'landscape';
  const pageHeight = (landscape ? page.width : page.height) - page.margins.top - page.margins.bottom;
  const contentWidth = (landscape ? page.height : page.width) - page.margins.left - page.margins.right;
  let y = 0;
  /** Places `height` on the current page, or at the top of the next when it does not fit. */
  const place = (height: Points) => {
    if (y > 0 && y + height > pageHeight) y = 0;
    y += height;
  };
  return blocks.map((block, index) => {
    switch (block.kind) {
      case 'text': {
        const lines = estimateTextLines(block.text, contentWidth, block.style.size, false);
        place(lines * LINE_HEIGHT_EM * block.style.size + block.spaceBefore + block.spaceAfter);
        return block;
      }
      case 'spacer':
        place(block.height);
        return block;
      case 'table': {
        const result = layTable(block, y, pageHeight, paginate.has(index));
        y = result.y;
        return result.block;
      }
    }
  });
}

/** Walks a table's rows down the pages from `top`; for a paginated table, also picks its breaks. */
function layTable(block: TableBlock, top: Points, pageHeight: Points, paginate: boolean): { block: TableBlock; y: Points } {
  const { rows: heights, spans } = estimateRowHeights(block);
  const header = heights.slice(0, block.headerRows).reduce((sum, h) => sum + h, 0);
  const breaks: number[] = [];
  let y = top + block.spaceBefore;
  // The header and the rows kept with it move to a new page together when they do not fit.
  const kept = heights.slice(0, block.headerRows + Math.max(1, block.keepWithHeaderRows)).reduce((sum, h) => sum + h, 0);
  if (y > 0 && y + kept > pageHeight) y = 0;
  y += header;
  /** Where each rowSpan's current piece starts, and what its rows add up to so far. */
  const pieces = new Map(spans.map((span) => [span, { first: span.first, sum: 0 }]));
  let pageFirstRow = block.headerRows;
  for (let row = block.headerRows; row < block.rows.length; row++) {
    const open = spans.filter((span) => span.first <= row && row <= span.last && span.first >= block.headerRows);
    // Room for the row, and for what a span over it still needs should the page end after it.
    const need = heights[row] + Math.max(0, ...open.map((span) => span.height - pieces.get(span)!.sum - heights[row]));
    if (row > pageFirstRow && y + need > pageHeight) {
      y = header;
      pageFirstRow = row;
      // A paginated table breaks here and repeats its spans' labels; another only moves rows
      // to the next page (an estimate of where its renderer will break).
      if (paginate) {
        breaks.push(row);
        for (const span of open) pieces.set(span, { first: row, sum: 0 });
      }
    }
    y += heights[row];
    // A span taller than its rows grows its last row (by the most any span ending here needs).
    let growth = 0;
    for (const span of open) {
      const piece = pieces.get(span)!;
      piece.sum += heights[row];
      if (row === span.last) growth = Math.max(growth, span.height - piece.sum);
    }
    y += growth;
  }
  y += block.spaceAfter;
  return { block: breaks.length === 0 ? block : { ...block, rows: cutSpansBefore(block.rows, breaks) }, y };
}
