import type { GridSlot } from '../../layout/layout-model.js';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfTextStyle } from './pdf-text-style.js';

/**
 * A cell's lines as the layout broke them: each one unbreakable (`noWrap`), so pdfmake paints
 * them as given and never breaks a line of its own (nor carries each CJK character as an
 * inline of its own, ~40% of a form's PDF time when it did).
 */
export function paintedText(lines: readonly string[]): Content {
  if (lines.length <= 1) return { text: lines[0] ?? '', noWrap: true };
  return { stack: lines.map((line) => ({ text: line, noWrap: true })) };
}

/**
 * One grid slot → one pdfmake cell. A covered slot becomes pdfmake's empty placeholder `{}`,
 * which it expects at every position a colSpan/rowSpan covers.
 */
export function renderTableCell(slot: GridSlot, context: Pick<PdfRenderContext, 'fonts'>): TableCell {
  if (slot.kind === 'covered') return {};
  const { borders, style } = slot;
  return {
    ...(paintedText(slot.lines) as object),
    ...pdfTextStyle(style, context.fonts),
    alignment: slot.align,
    verticalAlignment: slot.valign,
    ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}),
    ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
    ...(slot.fill ? { fillColor: slot.fill } : {}),
    border: [borders.left, borders.top, borders.right, borders.bottom],
  } as TableCell;
}
