import type { Block, LayoutDocument, PageSetup, Points, TableBlock } from './layout-model.js';
import { cutSpansBefore } from './cut-spans-before.js';
import { withRowHeights } from './row-heights.js';
import { splitTallRows } from './split-tall-rows.js';

/**
 * What the layout leaves unused at the foot of every page: the office programs round each
 * height to whole twips, and a row that fits by a hair here must fit there too.
 */
const PAGE_SLACK: Points = 2;

/** The page's content height and width, for its orientation. */
export function contentBox(page: PageSetup): { width: Points; height: Points } {
  const landscape = page.orientation === 'landscape';
  return {
    width: (landscape ? page.height : page.width) - page.margins.left - page.margins.right,
    height: (landscape ? page.width : page.height) - page.margins.top - page.margins.bottom - PAGE_SLACK,
  };
}

const headerHeight = (table: TableBlock) => table.rows.slice(0, table.headerRows).reduce((sum, row) => sum + row.height, 0);

/**
 * The page breaks of the document, decided once here so that the PDF and the DOCX break at
 * the same rows (blocks must have their lines, see decideLines). Rows taller than a page are
 * split first (splitTallRows). Each row goes on the page while it fits; a row inside a rowSpan
 * group may end a page only if what the group's label still needs fits too. At a break the
 * table ends on its page, its header rows repeat above the next row, and every rowSpan cell
 * crossing the break is cut there with its label repeated (cutSpansBefore).
 *
 * Why here and not in a renderer: Word and LibreOffice paginate a DOCX on their own and leave
 * a merged cell that continues on the next page blank there (LibreOffice also ignores
 * keep-with-next on table rows), and pdfmake drops a row taller than a page; the only breaks
 * both files can be relied on to honour are ones written into them.
 */
export function paginate(blocks: readonly Block[], page: PageSetup): Pick<LayoutDocument, 'blocks' | 'pages'> {
  const { height: pageHeight } = contentBox(page);
  let y = 0;
  let pages = 1;
  /** Places `height` on the current page, or at the top of the next when it does not fit (true). */
  const place = (height: Points) => {
    const moved = y > 0 && y + height > pageHeight;
    if (moved) {
      y = 0;
      pages++;
    }
    y += height;
    return moved;
  };
  const laid = blocks.map((block): Block => {
    switch (block.kind) {
      case 'text': {
        const moved = place(Math.max(1, block.lines.length) * block.lineHeight + block.spaceBefore + block.spaceAfter);
        return moved ? { ...block, pageBreakBefore: true } : block;
      }
      case 'spacer':
        place(block.height);
        return block;
      case 'table': {
        const measured = withRowHeights(block);
        const split = withRowHeights(splitTallRows(measured, pageHeight - headerHeight(measured)));
        const breaks = tableBreaks(split, y, pageHeight);
        const table = breaks.rows.length === 0 ? split : withRowHeights({ ...split, rows: cutSpansBefore(split.rows, breaks.rows) });
        y = breaks.y;
        pages += breaks.rows.length + (breaks.startsNewPage ? 1 : 0);
        return breaks.startsNewPage ? { ...table, pageBreakBefore: true } : table;
      }
    }
  });
  return { blocks: laid, pages };
}

/** Where a table starting at `top` breaks: the rows that start a page, and where it ends. */
function tableBreaks(block: TableBlock, top: Points, pageHeight: Points): { rows: number[]; y: Points; startsNewPage: boolean } {
  const heights = block.rows.map((row) => row.height);
  const spans = spanDemands(block);
  const header = headerHeight(block);
  const breaks: number[] = [];
  let y = top + block.spaceBefore;
  let startsNewPage = false;
  // The header and the rows kept with it move to a new page together when they do not fit.
  const kept = heights.slice(0, block.headerRows + Math.max(1, block.keepWithHeaderRows)).reduce((sum, h) => sum + h, 0);
  if (y > 0 && y + kept > pageHeight) {
    y = 0;
    startsNewPage = true;
  }
  y += header;
  /** What each span's current piece has placed of its rows so far. */
  const placed = new Map(spans.map((span) => [span, 0]));
  let pageFirstRow = block.headerRows;
  for (let row = block.headerRows; row < block.rows.length; row++) {
    const open = spans.filter((span) => span.first <= row && row <= span.last && span.first >= block.headerRows);
    // Room for the row, and for what a span over it still needs should the page end after it.
    const need = heights[row]! + Math.max(0, ...open.map((span) => span.height - placed.get(span)! - heights[row]!));
    if (row > pageFirstRow && y + need > pageHeight) {
      y = header;
      pageFirstRow = row;
      breaks.push(row);
      for (const span of open) placed.set(span, 0);
    }
    y += heights[row]!;
    for (const span of open) placed.set(span, placed.get(span)! + heights[row]!);
  }
  return { rows: breaks, y: y + block.spaceAfter, startsNewPage };
}

/** The height each rowSpan cell needs (its lines, paddings and rule) over its rows. */
function spanDemands(block: TableBlock): { first: number; last: number; height: Points }[] {
  const { vertical } = block.cellPadding;
  return block.rows.flatMap((row, first) =>
    row.slots.flatMap((slot) =>
      slot.kind === 'cell' && slot.rowSpan > 1
        ? [{ first, last: first + slot.rowSpan - 1, height: Math.max(1, slot.lines.length) * slot.lineHeight + 2 * vertical + block.borderWidth }]
        : [],
    ),
  );
}
