import type { Points, TableBlock, TableRow } from './layout-model.js';

/** A cell's height: its lines (an empty cell still holds one) and both paddings. */
export function cellHeight(table: TableBlock, lines: number, lineHeight: Points): Points {
  return Math.max(1, lines) * lineHeight + 2 * table.cellPadding.vertical;
}

/**
 * Each row's height from its lines (decideLines ran before): the tallest single-row cell or
 * the row's `min-height`, plus the rule below it; a rowSpan cell taller than its rows grows
 * the last of them, as both renderers would. These are the heights pages are filled with, and
 * the renderers are given them.
 */
export function withRowHeights(table: TableBlock): TableBlock {
  const heights = table.rows.map((row) => {
    let height = row.minHeight;
    for (const slot of row.slots) {
      if (slot.kind === 'cell' && slot.rowSpan === 1) height = Math.max(height, cellHeight(table, slot.lines.length, slot.lineHeight));
    }
    return height + table.borderWidth;
  });
  table.rows.forEach((row, index) => {
    for (const slot of row.slots) {
      if (slot.kind !== 'cell' || slot.rowSpan === 1) continue;
      const last = index + slot.rowSpan - 1;
      const need = cellHeight(table, slot.lines.length, slot.lineHeight) + table.borderWidth;
      const have = heights.slice(index, last + 1).reduce((sum, h) => sum + h, 0);
      if (need > have) heights[last] += need - have;
    }
  });
  return { ...table, rows: table.rows.map((row, index): TableRow => ({ ...row, height: heights[index] })) };
}
