import type { GridCell, GridSlot, Points, TableBlock, TableRow } from './layout-model.js';
import { cellHeight } from './row-heights.js';

/**
 * Body rows taller than `room` (what a page holds under the table's repeated header) split
 * into rows that each fit a page: every single-row cell keeps its lines in order, as many per
 * piece as fit, and the text goes on in the same column of the next piece — nothing is dropped
 * or clipped. A rowSpan cell (a label) that starts in or crosses the row spans all its pieces.
 * Each piece after the first is a row of its own, so it can start the next page and carry the
 * header above it. Pure: `table` is not changed; heights are computed again by the caller.
 */
export function splitTallRows(table: TableBlock, room: Points): TableBlock {
  const { vertical } = table.cellPadding;
  /** For each old row, the rows it becomes. */
  const pieces: TableRow[][] = table.rows.map((row, index) => {
    if (index < table.headerRows || row.height <= room) return [row];
    const parts = row.slots.map((slot) => {
      if (slot.kind !== 'cell' || slot.rowSpan > 1) return null;
      const perPiece = Math.max(1, Math.floor((room - table.borderWidth - 2 * vertical) / slot.lineHeight));
      return chunks(slot.lines, perPiece);
    });
    const count = Math.max(1, ...parts.map((part) => part?.length ?? 1));
    if (count === 1) return [row];
    return Array.from({ length: count }, (_, piece): TableRow => ({
      ...row,
      cantSplit: true,
      minHeight: 0,
      height: 0,
      slots: row.slots.map((slot, col): GridSlot => {
        const part = parts[col];
        // Later pieces of anything but a split cell are filled in below, from the original slot.
        if (slot.kind !== 'cell' || !part) return slot;
        const lines = part[piece] ?? [];
        return { ...slot, lines, text: lines.join('') };
      }),
    }));
  });
  // Old row → index of its first new row; slots of spans are re-pointed and re-counted.
  const first: number[] = [];
  let at = 0;
  for (const rowPieces of pieces) {
    first.push(at);
    at += rowPieces.length;
  }
  const lastOf = (oldRow: number) => first[oldRow]! + pieces[oldRow]!.length - 1;
  const rows = pieces.flatMap((rowPieces, oldRow) =>
    rowPieces.map((row, piece) => ({
      ...row,
      slots: row.slots.map((slot, col): GridSlot => {
        const original = table.rows[oldRow]!.slots[col]!;
        if (slot.kind === 'cell' && (piece === 0 || slot !== original)) {
          return slot.rowSpan === 1 ? slot : ({ ...slot, rowSpan: lastOf(oldRow + slot.rowSpan - 1) - first[oldRow]! + 1 } satisfies GridCell);
        }
        // A label starting in a split row covers its later pieces.
        if (original.kind === 'cell') return { kind: 'covered', row: first[oldRow]!, col };
        const origin = table.rows[original.row]!.slots[original.col]!;
        // A colSpan in the same row: covered by that piece's own cell.
        if (original.row === oldRow && origin.kind === 'cell' && origin.rowSpan === 1) return { kind: 'covered', row: first[oldRow]! + piece, col: original.col };
        return { kind: 'covered', row: first[original.row]!, col: original.col };
      }),
    })),
  );
  return { ...table, rows };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result.length > 0 ? result : [[]];
}
