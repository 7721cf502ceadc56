import { describe, expect, it } from 'vitest';
import type { GridCell, TableRow } from './layout-model.js';
import { resolveGrid } from './resolve-grid.js';
import { cutSpansBefore } from './cut-spans-before.js';

function cell(text: string, rowSpan = 1, colSpan = 1): GridCell {
  return {
    kind: 'cell',
    lines: [],
    lineHeight: 0, text, style: { role: 'body', size: 9, bold: false }, align: 'left', valign: 'middle',
    colSpan, rowSpan, noWrap: false, fill: null, borders: { top: true, right: true, bottom: true, left: true },
  };
}

function table(rows: GridCell[][], columns: number): TableRow[] {
  return resolveGrid(rows.map((cells, line) => ({ cells, cantSplit: true, minHeight: 0, line })), columns);
}

const texts = (rows: TableRow[]) => rows.map((row) => row.slots.map((slot) => (slot.kind === 'cell' ? `${slot.text}×${slot.rowSpan}` : `^${slot.row},${slot.col}`)));

describe('cutSpansBefore', () => {
  // 产出 spans rows 0–4; 数量 rows 0–2, 质量 rows 3–4.
  const rows = table(
    [
      [cell('产出', 5), cell('数量', 3), cell('a')],
      [cell('b')],
      [cell('c')],
      [cell('质量', 2), cell('d')],
      [cell('e')],
    ],
    3,
  );

  it('ends every span crossing the break above it and repeats its label below', () => {
    const cut = cutSpansBefore(rows, [2]);
    expect(texts(cut)).toEqual([
      ['产出×2', '数量×2', 'a×1'],
      ['^0,0', '^0,1', 'b×1'],
      ['产出×3', '数量×1', 'c×1'],
      ['^2,0', '质量×2', 'd×1'],
      ['^2,0', '^3,1', 'e×1'],
    ]);
    expect(cut.map((row) => row.pageBreakBefore ?? false)).toEqual([false, false, true, false, false]);
    // The repeated label is a copy with the same text and style.
    expect(cut[2].slots[0]).toEqual({ ...(rows[0].slots[0] as GridCell), rowSpan: 3 });
  });

  it('leaves spans that start at the break, and the input, as they were', () => {
    const cut = cutSpansBefore(rows, [3]);
    expect(texts(cut)[3]).toEqual(['产出×2', '质量×2', 'd×1']);
    expect(texts(cut)[0]).toEqual(['产出×3', '数量×3', 'a×1']);
    expect((rows[0].slots[0] as GridCell).rowSpan).toBe(5);
  });

  it('cuts one span several times and keeps colSpan coverage', () => {
    const wide = table([[cell('跨', 4, 2), cell('x')], [cell('y')], [cell('z')], [cell('w')]], 3);
    expect(texts(cutSpansBefore(wide, [1, 3]))).toEqual([
      ['跨×1', '^0,0', 'x×1'],
      ['跨×2', '^1,0', 'y×1'],
      ['^1,0', '^1,0', 'z×1'],
      ['跨×1', '^3,0', 'w×1'],
    ]);
  });
});
