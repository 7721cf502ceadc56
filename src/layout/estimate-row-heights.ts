import type { Points, TableBlock } from './layout-model.js';
import { estimateTextLines } from './estimate-text-lines.js';

/**
 * Line height in em, erring tall: the default face (Noto Serif SC) sets 1.437 em in both
 * pdfmake and LibreOffice (ascender 1.151 + descender 0.286; measured on the national sample,
 * where both break at the same row); 1.46 leaves room for rounding in the office programs.
 */
export const LINE_HEIGHT_EM = 1.46;

/** A rowSpan cell's height, which its rows must add up to (the renderers grow the last row). */
export interface SpanDemand {
  first: number;
  last: number;
  height: Points;
}

export interface RowHeightEstimate {
  /** Each row from its single-row cells and min-height, with the rule below it. */
  rows: Points[];
  spans: SpanDemand[];
}

/** Estimated heights of a table's rows, on the high side (see estimateTextLines). */
export function estimateRowHeights(table: TableBlock): RowHeightEstimate {
  const { vertical, horizontal } = table.cellPadding;
  const spans: SpanDemand[] = [];
  const rows = table.rows.map((row, index) => {
    let height = row.minHeight;
    row.slots.forEach((slot, col) => {
      if (slot.kind !== 'cell') return;
      const width = table.columns.slice(col, col + slot.colSpan).reduce((sum, w) => sum + w, 0) - 2 * horizontal;
      const lines = estimateTextLines(slot.text, width, slot.style.size, slot.noWrap);
      const cellHeight = lines * LINE_HEIGHT_EM * slot.style.size + 2 * vertical;
      if (slot.rowSpan > 1) spans.push({ first: index, last: index + slot.rowSpan - 1, height: cellHeight });
      else height = Math.max(height, cellHeight);
    });
    return height + table.borderWidth;
  });
  return { rows, spans };
}
