import type { GridSlot } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import type { TableCell } from 'pdfmake/interfaces.js';
import { pdfTextStyle } from './pdf-text-style.js';

/**
 * One grid slot → one pdfmake cell. A covered slot becomes pdfmake's empty placeholder `{}`,
 * which it expects at every position a colSpan/rowSpan covers.
 * `id` tags the text node of a cell in a rowSpan group so the layout observer can find its row.
 */
export function renderTableCell(slot: GridSlot, fonts: FontSet, id: string | null): TableCell {
  if (slot.kind === 'covered') return {};
  const { borders } = slot;
  return {
    ...(id ? { id } : {}),
    text: slot.text,
    ...pdfTextStyle(slot.style, fonts),
    alignment: slot.align,
    // pdfmake 0.3.11 shifts a middle/bottom-aligned rowSpan cell off the page when its first
    // row starts a new page under dontBreakRows (the text vanishes): such cells stay at the top.
    verticalAlignment: slot.rowSpan > 1 ? 'top' : slot.valign,
    noWrap: slot.noWrap,
    ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}),
    ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
    ...(slot.fill ? { fillColor: slot.fill } : {}),
    border: [borders.left, borders.top, borders.right, borders.bottom],
  };
}
