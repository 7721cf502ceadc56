import { describe, expect, it } from 'vitest';
import type { GridSlot, TableBlock } from '../../layout/layout-model.js';
import { rowSpanGroups } from './row-span-groups.js';

const style = { role: 'body' as const, size: 10, bold: false };
const borders = { top: true, right: true, bottom: true, left: true };
const cell = (rowSpan = 1): GridSlot => ({
  kind: 'cell', text: 'x', style, align: 'left', valign: 'top', colSpan: 1, rowSpan, noWrap: false, fill: null, borders,
});
const covered = (row: number, col: number): GridSlot => ({ kind: 'covered', row, col });

function block(rows: GridSlot[][], headerRows = 1): TableBlock {
  return {
    kind: 'table', columns: [50, 50], headerRows, keepWithHeaderRows: 0, borderWidth: 0.5, borderColor: '#000',
    cellPadding: { horizontal: 2, vertical: 2 }, spaceBefore: 0, spaceAfter: 0,
    rows: rows.map((slots) => ({ slots, cantSplit: true, minHeight: 0 })),
  };
}

describe('rowSpanGroups', () => {
  it('lists body rows tied by rowSpan, merging overlapping spans and ignoring the header', () => {
    const rows = [
      [cell(2), cell()], // header: its span is pdfmake's business
      [covered(0, 0), cell()],
      [cell(2), cell()],
      [covered(2, 0), cell(2)],
      [cell(), covered(3, 1)],
      [cell(), cell()],
      [cell(3), cell()],
      [covered(6, 0), cell()],
      [covered(6, 0), cell()],
    ];
    expect(rowSpanGroups(block(rows))).toEqual([
      { first: 2, last: 4 },
      { first: 6, last: 8 },
    ]);
  });

  it('finds no groups in a table without spans', () => {
    expect(rowSpanGroups(block([[cell(), cell()], [cell(), cell()]], 0))).toEqual([]);
  });
});
