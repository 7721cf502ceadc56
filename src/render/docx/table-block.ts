import { BorderStyle, HeightRule, Table, TableBorders, TableLayoutType, TableRow, WidthType } from 'docx';
import type { TableBlock } from '../../layout/layout-model.js';
import type { BlockHandler } from './block-handler.js';
import { DocxUnits } from './docx-units.js';
import { gapParagraph } from './gap-paragraph.js';
import { hexColor } from './hex-color.js';
import { pageBreakParagraph } from './page-break-paragraph.js';
import { tableCell } from './table-cell.js';

/**
 * A table with a fixed grid: `columnWidths` in DXA, fixed layout and a DXA width on every
 * cell, else LibreOffice and WPS recompute the widths. Covered slots are left out: colSpan
 * coverage by the starting cell's gridSpan, rowSpan coverage by the `vMerge continue` cells
 * the docx Table constructor inserts for `rowSpan` (it mutates the rows, so they are built here,
 * fresh for every document). Where the layout breaks the page (`pageBreakBefore`), the table
 * ends and a new one starts on the next page with the header rows again (no span crosses it).
 * Rows are given the layout's heights and cells its lines, so each page holds the rows the
 * layout put there.
 */
export const tableBlock: BlockHandler<TableBlock> = (block, context) => {
  const columns = DocxUnits.columnsDxa(block.columns);
  const keptRows = block.headerRows + block.keepWithHeaderRows - 1;
  const line = { style: BorderStyle.SINGLE, size: DocxUnits.eighthPoints(block.borderWidth), color: hexColor(block.borderColor) };
  // When most cells are fully bordered the table draws the lines and only the exceptions carry tcBorders.
  const cells = block.rows.flatMap((row) => row.slots.filter((slot) => slot.kind === 'cell'));
  const bordered = cells.filter((cell) => cell.borders.top && cell.borders.right && cell.borders.bottom && cell.borders.left).length;
  const tableHasBorders = bordered * 2 >= cells.length;
  const padding = { horizontal: DocxUnits.dxa(block.cellPadding.horizontal), vertical: DocxUnits.dxa(block.cellPadding.vertical) };
  // `position` counts rows within the piece, so each piece keeps its header with its first rows.
  const tableRow = (rowIndex: number, position: number) => {
    const row = block.rows[rowIndex];
    return new TableRow({
      ...(rowIndex < block.headerRows ? { tableHeader: true } : {}),
      ...(row.cantSplit ? { cantSplit: true } : {}),
      // The layout's height (its rule below is drawn on the boundary): the row is never shorter than in the PDF.
      height: { value: DocxUnits.dxa(row.height - block.borderWidth), rule: HeightRule.ATLEAST },
      children: row.slots.flatMap((slot, col) => {
        if (slot.kind === 'covered') return [];
        const widthDxa = columns.slice(col, col + slot.colSpan).reduce((sum, w) => sum + w, 0);
        return [tableCell(slot, { widthDxa, keepNext: position < keptRows, line, tableHasBorders }, context)];
      }),
    });
  };
  const table = (rowIndexes: number[]) =>
    new Table({
      rows: rowIndexes.map(tableRow),
      columnWidths: columns,
      width: { size: columns.reduce((sum, w) => sum + w, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: tableHasBorders
        ? { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line }
        : TableBorders.NONE,
      margins: {
        top: padding.vertical,
        bottom: padding.vertical,
        left: padding.horizontal,
        right: padding.horizontal,
        marginUnitType: WidthType.DXA,
      },
    });
  const header = Array.from({ length: block.headerRows }, (_, row) => row);
  const breaks = block.rows.flatMap((row, index) => (row.pageBreakBefore && index > block.headerRows ? [index] : []));
  const bounds = [block.headerRows, ...breaks, block.rows.length];
  const pieces = bounds.slice(0, -1).map((start, i) => table([...header, ...range(start, bounds[i + 1])]));
  // Word joins tables with nothing between them, and ends a document that ends in a table with
  // a paragraph of its own: give both a paragraph exactly the space wanted.
  return [
    ...(block.pageBreakBefore ? [pageBreakParagraph()] : []),
    ...(block.spaceBefore > 0 ? [gapParagraph(block.spaceBefore)] : []),
    ...pieces.flatMap((piece, i) => (i === 0 ? [piece] : [pageBreakParagraph(), piece])),
    gapParagraph(block.spaceAfter),
  ];
};

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
