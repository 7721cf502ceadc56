import { BorderStyle, type ITableCellOptions, Paragraph, ShadingType, TableCell, WidthType } from 'docx';
import type { GridCell } from '../../layout/layout-model.js';
import type { DocxRenderContext } from './block-handler.js';
import { hexColor } from './hex-color.js';
import { horizontalAlignment } from './horizontal-alignment.js';
import { NoWrapTableCell } from './no-wrap-table-cell.js';
import { paragraphMark } from './paragraph-mark.js';
import { textRuns } from './text-runs.js';
import { verticalAlignment } from './vertical-alignment.js';

export interface CellPlacement {
  /** Sum of the DXA widths of the columns the cell spans. */
  widthDxa: number;
  /** Keep this row on the page of the next one (`keepWithHeaderRows`). */
  keepNext: boolean;
  /** The table's line, for the sides of a cell that differ from the table's borders. */
  line: { style: typeof BorderStyle.SINGLE; size: number; color: string };
  /** The table draws every line (tblBorders), so a fully bordered cell needs no tcBorders. */
  tableHasBorders: boolean;
}

export function tableCell(cell: GridCell, placement: CellPlacement, context: DocxRenderContext): TableCell {
  const { top, right, bottom, left } = cell.borders;
  const fullyBordered = top && right && bottom && left;
  // `nil` rather than leaving the side out, so neither the table nor a neighbour draws it.
  const side = (drawn: boolean) => (drawn ? placement.line : { style: BorderStyle.NIL });
  const options: ITableCellOptions = {
    width: { size: placement.widthDxa, type: WidthType.DXA },
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(fullyBordered && placement.tableHasBorders ? {} : { borders: { top: side(top), right: side(right), bottom: side(bottom), left: side(left) } }),
    ...(cell.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hexColor(cell.fill) } } : {}),
    // Defaults (top, left, no keep) are left out: a form has hundreds of cells.
    ...(cell.valign !== 'top' ? { verticalAlign: verticalAlignment[cell.valign] } : {}),
    children: [
      new Paragraph({
        ...(cell.align !== 'left' ? { alignment: horizontalAlignment[cell.align] } : {}),
        ...(placement.keepNext ? { keepNext: true } : {}),
        ...paragraphMark(cell.style, context),
        children: textRuns(cell.text, cell.style, context),
      }),
    ],
  };
  return cell.noWrap ? new NoWrapTableCell(options) : new TableCell(options);
}
