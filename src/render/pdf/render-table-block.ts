import type { TableBlock } from '../../layout/layout-model.js';
import type { Content } from './pdfmake-internals.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfContentWidths } from './pdf-content-widths.js';
import { pdfTableLayout } from './pdf-table-layout.js';
import { renderTableCell } from './render-table-cell.js';

/** Row index ranges [start, end) of the body pieces: the layout's page breaks (`pageBreakBefore`). */
function pieces(block: TableBlock): [number, number][] {
  const starts = block.rows.flatMap((row, index) => (row.pageBreakBefore && index > block.headerRows ? [index] : []));
  const bounds = [block.headerRows, ...starts, block.rows.length];
  return bounds.slice(0, -1).map((start, i) => [start, bounds[i + 1]!]);
}

/**
 * A table block → one pdfmake table per page the layout gave it: each later piece begins on a
 * new page and repeats the header rows. Rows get the layout's heights, less the paddings and
 * the rule pdfmake adds to them, so pdfmake places every row where the layout did; its rows
 * never split (the layout split those taller than a page already).
 */
export function renderTableBlock(block: TableBlock, context: PdfRenderContext): Content {
  const widths = pdfContentWidths(block);
  const { vertical } = block.cellPadding;
  const renderRow = (rowIndex: number) => block.rows[rowIndex]!.slots.map((slot) => renderTableCell(slot, context));
  const header = Array.from({ length: block.headerRows }, (_, row) => row);
  const tables = pieces(block).map(([start, end], index, all): Content => {
    const rowIndexes = [...header, ...Array.from({ length: end - start }, (_, i) => start + i)];
    return {
      table: {
        widths,
        heights: (row: number) => Math.max(0, block.rows[rowIndexes[row]!]!.height - block.borderWidth - 2 * vertical),
        headerRows: block.headerRows,
        dontBreakRows: true,
        body: rowIndexes.map(renderRow),
      },
      layout: pdfTableLayout(block),
      margin: [0, index === 0 ? block.spaceBefore : 0, 0, index === all.length - 1 ? block.spaceAfter : 0],
      ...(index > 0 || block.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
    };
  });
  return tables.length === 1 ? tables[0]! : { stack: tables };
}
