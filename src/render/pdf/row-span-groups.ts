import type { TableBlock } from '../../layout/layout-model.js';

/** Rows [first, last] tied together by rowSpan cells (overlapping spans merged). */
export interface RowSpanGroup {
  first: number;
  last: number;
}

/** The body's rowSpan groups, in row order. Header rows are kept together by pdfmake already. */
export function rowSpanGroups(block: TableBlock): RowSpanGroup[] {
  const groups: RowSpanGroup[] = [];
  block.rows.forEach((row, index) => {
    if (index < block.headerRows) return;
    const reach = Math.max(index, ...row.slots.map((slot) => (slot.kind === 'cell' ? index + slot.rowSpan - 1 : index)));
    if (reach === index) return;
    const open = groups.at(-1);
    if (open && index <= open.last) open.last = Math.max(open.last, reach);
    else groups.push({ first: index, last: reach });
  });
  return groups;
}
