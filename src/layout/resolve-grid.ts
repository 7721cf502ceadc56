import type { GridCell, GridSlot, TableRow } from './layout-model.js';

export interface UnplacedRow {
  cells: GridCell[];
  cantSplit: boolean;
  minHeight: number;
  keepWithNext?: boolean;
  repeat?: boolean;
  /** Template line, for messages. */
  line: number;
}

export class GridError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Places cells with colSpan/rowSpan on a checked grid once, so renderers never reason about
 * spans: every row gets exactly one slot per column, spans leave `covered` slots behind.
 * Overlaps, overflow and holes are template errors. (After typst's grid/resolve.rs.)
 */
export function resolveGrid(rows: UnplacedRow[], columnCount: number): TableRow[] {
  const grid: (GridSlot | undefined)[][] = rows.map(() => new Array(columnCount).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < columnCount && grid[r][c] !== undefined) c++;
      if (c + cell.colSpan > columnCount) {
        throw new GridError(`表格第 ${r + 1} 行超出 ${columnCount} 列`, row.line);
      }
      if (r + cell.rowSpan > rows.length) {
        throw new GridError(`表格第 ${r + 1} 行的 rowspan=${cell.rowSpan} 超出表格末尾`, row.line);
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (grid[r + dr][c + dc] !== undefined) {
            throw new GridError(`表格第 ${r + dr + 1} 行第 ${c + dc + 1} 列被两个单元格占用`, row.line);
          }
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : { kind: 'covered', row: r, col: c };
        }
      }
      c += cell.colSpan;
    }
  });
  return rows.map((row, r) => {
    const hole = grid[r].findIndex((slot) => slot === undefined);
    if (hole >= 0) throw new GridError(`表格第 ${r + 1} 行只有 ${hole} 列，应为 ${columnCount} 列`, row.line);
    // Heights are decided once lines are (see decideLines and rowHeights).
    return {
      slots: grid[r] as GridSlot[],
      cantSplit: row.cantSplit,
      minHeight: row.minHeight,
      height: 0,
      ...(row.keepWithNext ? { keepWithNext: true } : {}),
      ...(row.repeat ? { repeat: true } : {}),
    };
  });
}
