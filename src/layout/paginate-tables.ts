import type { Block, GridCell, GridSlot, LayoutDocument, PageSetup, Points, TableBlock, TableRow } from './layout-model.js';
import { cutSpansBefore } from './cut-spans-before.js';
import { cellHeight, withRowHeights } from './row-heights.js';
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

/** The tallest run of `repeat` rows: what a continuation page may carry above its first row. */
function tallestRunningHeader(table: TableBlock): Points {
  let tallest = 0;
  let run = 0;
  table.rows.forEach((row, index) => {
    run = index >= table.headerRows && row.repeat ? run + row.height : 0;
    tallest = Math.max(tallest, run);
  });
  return tallest;
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
        // A piece of a split row starts a page under the header rows and a running header.
        const split = withRowHeights(splitTallRows(measured, pageHeight - headerHeight(measured) - tallestRunningHeader(measured)));
        const placement = tableBreaks(split, y, pageHeight);
        const table = placement.breaks.length === 0 ? split : withRowHeights({ ...split, rows: withPageBreaks(split.rows, placement.breaks) });
        y = placement.y;
        pages += placement.breaks.length + (placement.startsNewPage ? 1 : 0);
        return placement.startsNewPage ? { ...table, pageBreakBefore: true } : table;
      }
    }
  });
  return { blocks: laid, pages };
}

/**
 * Where a table starting at `top` breaks: the rows that start a page (each with the running
 * header row, `<tr repeat>`, that is to be repeated above it, or -1), and where it ends.
 */
function tableBreaks(block: TableBlock, top: Points, pageHeight: Points): { breaks: { row: number; repeat: number[] }[]; y: Points; startsNewPage: boolean } {
  const { rows } = block;
  const heights = rows.map((row) => row.height);
  const spans = spanDemands(block);
  const header = headerHeight(block);
  /** The running header each row continues under: the last run of `repeat` rows above it. */
  const running: number[][] = [];
  rows.forEach((_, index) => {
    const above = index - 1;
    if (above < block.headerRows) return running.push([]);
    if (!rows[above]!.repeat) return running.push(running[above]!);
    let first = above;
    while (first - 1 >= block.headerRows && rows[first - 1]!.repeat) first--;
    return running.push(Array.from({ length: above - first + 1 }, (_, i) => first + i));
  });
  const breaks: { row: number; repeat: number[] }[] = [];
  let startsNewPage = false;
  let y = top + block.spaceBefore;
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
  for (let row = block.headerRows; row < rows.length; ) {
    const open = spans.filter((span) => span.first <= row && row <= span.last && span.first >= block.headerRows);
    // Room for the row, and for what a span over it still needs should the page end after it.
    const need = heights[row]! + Math.max(0, ...open.map((span) => span.height - placed.get(span)! - heights[row]!));
    if (row > pageFirstRow && y + need > pageHeight) {
      // A band or header row (`keep-with-next`) goes to the next page with the row it heads.
      let at = row;
      while (at - 1 > pageFirstRow && rows[at - 1]!.keepWithNext) at--;
      if (at - 1 === pageFirstRow && rows[pageFirstRow]!.keepWithNext && breaks.length === 0 && !startsNewPage && top > 0 && pageFirstRow === block.headerRows) {
        // The chain starts the table: the whole table starts the next page instead.
        startsNewPage = true;
        y = header;
        row = pageFirstRow;
        for (const span of spans) placed.set(span, 0);
        continue;
      }
      const repeat = rows[at]!.repeat ? [] : running[at]!;
      breaks.push({ row: at, repeat });
      y = header + repeat.reduce((sum, r) => sum + heights[r]!, 0);
      pageFirstRow = at;
      // Spans over the break start a new piece; rows moved back from the old page are placed again.
      for (const span of spans) if (span.last >= at) placed.set(span, 0);
      row = at;
      continue;
    }
    y += heights[row]!;
    for (const span of open) placed.set(span, placed.get(span)! + heights[row]!);
    row++;
  }
  return { breaks, y: y + block.spaceAfter, startsNewPage };
}

/**
 * The rows with each page break placed: every rowSpan cell crossing it cut there with its
 * label repeated (cutSpansBefore), and where the break has a running header row (`repeat`),
 * a copy of that row starting the new page. Pure.
 */
function withPageBreaks(rows: readonly TableRow[], breaks: readonly { row: number; repeat: number[] }[]): TableRow[] {
  let result: TableRow[] = [...rows];
  // From the last break up, so the indices of the earlier ones stay valid; a run of header
  // rows is copied last row first, each copy starting the page above the one before.
  for (const { row: at, repeat } of [...breaks].sort((a, b) => b.row - a.row)) {
    if (repeat.length === 0) result = cutSpansBefore(result, [at]);
    for (const source of [...repeat].reverse()) result = insertCopy(result, at, source);
  }
  return result;
}

/**
 * Breaks before row `at` and starts the new page with a copy of row `source` (a header inside
 * the body). Where the source row lies under a span that reaches the new page (绩效指标 merged
 * down the whole indicator block), the copy starts that span's repeated label instead.
 */
function insertCopy(rows: readonly TableRow[], at: number, source: number): TableRow[] {
  const originOf = (row: number, col: number) => {
    const slot = rows[row]!.slots[col]!;
    return slot.kind === 'covered' ? { row: slot.row, col: slot.col } : { row, col };
  };
  const cellAt = (where: { row: number; col: number }) => rows[where.row]!.slots[where.col] as GridCell;
  /** Per column: the copy's own cell, the span that continues onto the new page, or nothing. */
  const plan = rows[source]!.slots.map((_, col) => {
    const origin = originOf(source, col);
    const cell = cellAt(origin);
    if (origin.row === source && cell.rowSpan === 1) return 'own' as const;
    return origin.row + cell.rowSpan - 1 >= at ? ('span' as const) : ('empty' as const);
  });
  const cut = cutSpansBefore(rows, [at]);
  const copy: TableRow = {
    ...rows[source]!,
    pageBreakBefore: true,
    keepWithNext: undefined,
    slots: rows[source]!.slots.map((slot, col): GridSlot => {
      if (plan[col] === 'own') return slot.kind === 'covered' ? { kind: 'covered', row: at, col: slot.col } : slot;
      if (plan[col] === 'span') {
        const below = cut[at]!.slots[col]!;
        if (below.kind === 'cell') return { ...below, rowSpan: below.rowSpan + 1 };
        return { kind: 'covered', row: at, col: below.col };
      }
      const cell = cellAt(originOf(source, col));
      return { ...cell, text: '', lines: [], rowSpan: 1, colSpan: 1 };
    }),
  };
  const after = cut.slice(at).map((row, index): TableRow => ({
    ...row,
    ...(index === 0 ? { pageBreakBefore: undefined } : {}),
    slots: row.slots.map((slot, col): GridSlot => {
      // The label that continued below the break now starts at the copy.
      if (index === 0 && slot.kind === 'cell' && plan[col] === 'span') return { kind: 'covered', row: at, col };
      if (slot.kind !== 'covered' || slot.row < at) return slot;
      return slot.row === at && plan[slot.col] === 'span' ? slot : { ...slot, row: slot.row + 1 };
    }),
  }));
  return [...cut.slice(0, at), copy, ...after];
}

/** The height each rowSpan cell needs (its lines, paddings and rule) over its rows. */
function spanDemands(block: TableBlock): { first: number; last: number; height: Points }[] {
  return block.rows.flatMap((row, first) =>
    row.slots.flatMap((slot) =>
      slot.kind === 'cell' && slot.rowSpan > 1
        ? [{ first, last: first + slot.rowSpan - 1, height: cellHeight(block, slot.lines.length, slot.lineHeight) + block.borderWidth }]
        : [],
    ),
  );
}
