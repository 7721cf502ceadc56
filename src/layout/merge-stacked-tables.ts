import type { Block, GridSlot, Points, TableBlock, TableRow } from './layout-model.js';

/** Boundaries closer than this are one (a template's `1*` shares rarely meet exactly). */
const SAME_BOUNDARY: Points = 0.75;

/**
 * Tables that follow one another with no space between (the head, funds, goals and indicator
 * tables of a form) become one table on the union of their column boundaries: where two
 * tables met, both drew a rule (about 1 pt where every other rule is 0.5 pt), and a DOCX needs
 * a paragraph between two tables, which Word and WPS show as a gap. One table draws each rule
 * once. A later table's header rows become `repeat` rows of the merged body (repeated on each
 * page the rows under them continue on) kept with the rows they head; its `keep-with-header`
 * rows are kept with them too.
 */
export function mergeStackedTables(blocks: readonly Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (block.kind === 'table' && last?.kind === 'table' && stackable(last, block)) merged[merged.length - 1] = mergeTwo(last, block);
    else merged.push(block);
  }
  return merged;
}

function stackable(above: TableBlock, below: TableBlock): boolean {
  const total = (table: TableBlock) => table.columns.reduce((sum, w) => sum + w, 0);
  return (
    above.spaceAfter === 0 &&
    below.spaceBefore === 0 &&
    above.borderWidth === below.borderWidth &&
    above.borderColor === below.borderColor &&
    above.cellPadding.horizontal === below.cellPadding.horizontal &&
    above.cellPadding.vertical === below.cellPadding.vertical &&
    Math.abs(total(above) - total(below)) < SAME_BOUNDARY
  );
}

function boundaries(columns: readonly Points[]): Points[] {
  const result = [0];
  for (const width of columns) result.push(result[result.length - 1]! + width);
  return result;
}

function mergeTwo(above: TableBlock, below: TableBlock): TableBlock {
  const union: Points[] = [];
  for (const x of [...boundaries(above.columns), ...boundaries(below.columns)].sort((a, b) => a - b)) {
    if (union.length === 0 || x - union[union.length - 1]! >= SAME_BOUNDARY) union.push(x);
  }
  // The last boundary is the common right edge.
  union[union.length - 1] = Math.max(boundaries(above.columns).at(-1)!, boundaries(below.columns).at(-1)!);
  const nearest = (x: Points) => union.reduce((best, b, i) => (Math.abs(b - x) < Math.abs(union[best]! - x) ? i : best), 0);
  const remap = (table: TableBlock, rowOffset: number): TableRow[] => {
    const edges = boundaries(table.columns).map(nearest);
    return table.rows.map((row, index) => {
      const slots: GridSlot[] = new Array(union.length - 1);
      row.slots.forEach((slot, col) => {
        const first = edges[col]!;
        if (slot.kind === 'cell') {
          const end = edges[col + slot.colSpan]!;
          slots[first] = { ...slot, colSpan: end - first };
          for (let c = first + 1; c < end; c++) slots[c] = { kind: 'covered', row: rowOffset + index, col: first };
        } else {
          // Covered slots follow their origin's new place; the origin writes its own columns.
          const origin = table.rows[slot.row]!.slots[slot.col]!;
          if (origin.kind !== 'cell' || slot.row === index) return;
          const start = edges[slot.col]!;
          for (let c = edges[col]!; c < edges[col + 1]!; c++) slots[c] = { kind: 'covered', row: rowOffset + slot.row, col: start };
        }
      });
      const isHeader = index < table.headerRows && rowOffset > 0;
      const keptWithHeader = rowOffset > 0 && index < table.headerRows + table.keepWithHeaderRows - 1;
      return {
        ...row,
        slots,
        ...(isHeader ? { repeat: true } : {}),
        ...(isHeader || keptWithHeader ? { keepWithNext: true } : {}),
      };
    });
  };
  return {
    ...above,
    columns: union.slice(1).map((x, i) => x - union[i]!),
    rows: [...remap(above, 0), ...remap(below, above.rows.length)],
    spaceAfter: below.spaceAfter,
  };
}
