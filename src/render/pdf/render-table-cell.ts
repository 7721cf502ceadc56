import type { GridSlot } from '../../layout/layout-model.js';
import type { TableCell } from 'pdfmake/interfaces.js';
import { breakLines } from './break-lines.js';
import { fitsOnOneLine } from './fits-one-line.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfTextStyle } from './pdf-text-style.js';

/**
 * One grid slot → one pdfmake cell. A covered slot becomes pdfmake's empty placeholder `{}`,
 * which it expects at every position a colSpan/rowSpan covers.
 * `id` tags the text node of a cell in a rowSpan group so the layout observer can find its row.
 * `width` is the text width the cell surely has (its columns' text widths; exact for one column).
 *
 * Text that fits on one line goes to pdfmake unbreakable (`noWrap`): it is then measured,
 * laid out and drawn as one piece, where pdfmake would otherwise break CJK text between every
 * two characters and carry each character as its own inline (~40% of a form's PDF time).
 * Longer text in one column is broken into the lines pdfmake would make (`breakLines`, with
 * pdfmake's own measures) and given as a stack of unbreakable lines.
 */
export function renderTableCell(slot: GridSlot, context: Pick<PdfRenderContext, 'fonts' | 'textMeasures'>, id: string | null, width: number): TableCell {
  if (slot.kind === 'covered') return {};
  const { borders, style } = slot;
  const face = context.fonts.faceFor(style);
  const { textMeasures } = context;
  const oneLine = slot.noWrap || fitsOnOneLine(slot.text, face, style.size, width);
  // Grouped cells (with an id) stay text nodes: the page-break observer reads those.
  const lines =
    !oneLine && !id && slot.colSpan === 1 && textMeasures ? breakLines(slot.text, textMeasures(face, style.size), width) : null;
  return {
    ...(id ? { id } : {}),
    ...(lines && lines.length > 1
      ? { stack: lines.map((line) => ({ text: line, noWrap: true })) }
      : { text: slot.text, noWrap: oneLine || lines?.length === 1 }),
    ...pdfTextStyle(style, context.fonts),
    alignment: slot.align,
    // pdfmake 0.3.11 shifts a middle/bottom-aligned rowSpan cell off the page when its first
    // row starts a new page under dontBreakRows (the text vanishes): such cells stay at the top.
    verticalAlignment: slot.rowSpan > 1 ? 'top' : slot.valign,
    ...(slot.colSpan > 1 ? { colSpan: slot.colSpan } : {}),
    ...(slot.rowSpan > 1 ? { rowSpan: slot.rowSpan } : {}),
    ...(slot.fill ? { fillColor: slot.fill } : {}),
    border: [borders.left, borders.top, borders.right, borders.bottom],
  };
}
