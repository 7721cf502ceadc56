import type { GridSlot, TableRow } from './layout-model.js';

/**
 * The rows with a page break before each of `breaks`: a rowSpan cell that crosses a break
 * row ends above it, and its remaining rows get a copy of the cell (same text and style) that
 * starts at the break row — the label repeated on the new page instead of an empty cell.
 * Covered slots are re-pointed at the cell that now covers them. Pure: `rows` is not changed.
 */
export function cutSpansBefore(rows: readonly TableRow[], breaks: readonly number[]): TableRow[] {
  const grid: GridSlot[][] = rows.map((row) => [...row.slots]);
  for (const at of [...new Set(breaks)].sort((a, b) => a - b)) {
    grid[at].forEach((slot, col) => {
      // Only the span's leftmost column acts; the other columns it covers are re-pointed with it.
      if (slot.kind !== 'covered' || slot.row >= at || slot.col !== col) return;
      const origin = grid[slot.row][slot.col];
      if (origin.kind !== 'cell') return;
      const end = slot.row + origin.rowSpan;
      grid[slot.row][slot.col] = { ...origin, rowSpan: at - slot.row };
      grid[at][col] = { ...origin, rowSpan: end - at };
      for (let r = at; r < end; r++) {
        for (let c = col; c < col + origin.colSpan; c++) {
          if (r !== at || c !== col) grid[r][c] = { kind: 'covered', row: at, col };
        }
      }
    });
  }
  return rows.map((row, index) => ({
    ...row,
    slots: grid[index],
    ...(breaks.includes(index) ? { pageBreakBefore: true } : {}),
  }));
}
