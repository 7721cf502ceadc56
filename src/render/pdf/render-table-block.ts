import type { TableBlock } from '../../layout/layout-model.js';
import type { Content } from './pdfmake-internals.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfContentWidths } from './pdf-content-widths.js';
import { pdfTableLayout } from './pdf-table-layout.js';
import { renderTableCell } from './render-table-cell.js';
import { rowSpanGroups } from './row-span-groups.js';
import { tableCellId } from './table-cell-id.js';

/**
 * Row index ranges [start, end) of the body pieces: split points after the header only —
 * the layout's page breaks (`pageBreakBefore`) and the renderer's own (rowSpan groups moved).
 */
function pieces(block: TableBlock, splitBefore: ReadonlySet<number>): [number, number][] {
  const forced = block.rows.flatMap((row, index) => (row.pageBreakBefore ? [index] : []));
  const starts = [...new Set([...splitBefore, ...forced])].filter((row) => row > block.headerRows && row < block.rows.length).sort((a, b) => a - b);
  const bounds = [block.headerRows, ...starts, block.rows.length];
  return bounds.slice(0, -1).map((start, i) => [start, bounds[i + 1]]);
}

/**
 * A table block → one pdfmake table, or several when the layout breaks the page or rowSpan
 * groups must start a new page: each later piece begins on a new page and repeats the header
 * rows, as pdfmake would.
 */
export function renderTableBlock(block: TableBlock, context: PdfRenderContext): Content {
  const groups = rowSpanGroups(block);
  const widths = pdfContentWidths(block);
  // A spanning cell has at least its columns' text widths (the paddings and rules between come on top).
  const spanWidth = (column: number, span: number) => widths.slice(column, column + span).reduce((sum, width) => sum + width, 0);
  const groupOf = (row: number) => groups.find((group) => group.first <= row && row <= group.last) ?? null;
  const renderRow = (rowIndex: number) => {
    const tag = { block: context.blockIndex, row: rowIndex, headerRows: block.headerRows, group: groupOf(rowIndex) };
    // Only grouped cells need an id (pdfmake rejects duplicates, and header rows repeat per piece).
    return block.rows[rowIndex].slots.map((slot, column) =>
      renderTableCell(slot, context, tag.group ? tableCellId(tag, column) : null, slot.kind === 'cell' ? spanWidth(column, slot.colSpan) : 0),
    );
  };
  const header = Array.from({ length: block.headerRows }, (_, row) => row);
  const tables = pieces(block, context.splitBefore).map(([start, end], index, all): Content => {
    const rowIndexes = [...header, ...Array.from({ length: end - start }, (_, i) => start + i)];
    return {
      table: {
        widths,
        // pdfmake treats a row height as a minimum: taller content still grows the row.
        heights: (row: number) => block.rows[rowIndexes[row]].minHeight || 'auto',
        headerRows: block.headerRows,
        ...(index === 0 && block.keepWithHeaderRows > 0 ? { keepWithHeaderRows: block.keepWithHeaderRows } : {}),
        // pdfmake can only keep all rows or none whole; one unsplittable row makes them all so.
        dontBreakRows: block.rows.some((row) => row.cantSplit),
        body: rowIndexes.map(renderRow),
      },
      layout: pdfTableLayout(block),
      margin: [0, index === 0 ? block.spaceBefore : 0, 0, index === all.length - 1 ? block.spaceAfter : 0],
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    };
  });
  return tables.length === 1 ? tables[0] : { stack: tables };
}
