import { BorderStyle, type IContext, type ITableCellOptions, type IXmlableObject, Paragraph, ShadingType, TableCell, WidthType } from 'docx';
import type { GridCell } from '../../layout/layout-model.js';
import type { DocxRenderContext } from './block-handler.js';
import { type CellShapes, fillText, textPlaceholder } from './cell-shapes.js';
import { hexColor } from './hex-color.js';
import { horizontalAlignment } from './horizontal-alignment.js';
import { NoWrapTableCell } from './no-wrap-table-cell.js';
import { exactLineHeight, paragraphMark } from './paragraph-mark.js';
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

/**
 * A cell. docx writes the XML of each cell shape (everything but the text: width, spans,
 * borders, fill, alignment, keep, run style, number of lines) once per renderer; cells of
 * that shape reuse it with their own text (`ShapedTableCell`). A form has ~200 cells and a few
 * dozen shapes, and docx spends ~50 µs building and preparing each cell.
 */
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
    children: [],
  };
  const paragraph = {
    ...(cell.align !== 'left' ? { alignment: horizontalAlignment[cell.align] } : {}),
    ...(placement.keepNext ? { keepNext: true } : {}),
    ...exactLineHeight(cell.lineHeight),
    ...paragraphMark(cell.style, context),
  };
  // The layout's lines, each after a line break (w:br): the office programs never re-break them.
  const { lines } = cell;
  // The runs take the paragraph mark's properties (`paragraph.run`), so the key holds them too.
  const shape = JSON.stringify([options, paragraph, cell.noWrap, lines.length]);
  const build = () => {
    const text = lines.map((_, i) => textPlaceholder(i)).join('\n');
    const full = { ...options, children: [new Paragraph({ ...paragraph, children: textRuns(text, cell.style, context) })] };
    return cell.noWrap ? new NoWrapTableCell(full) : new TableCell(full);
  };
  return new ShapedTableCell(options, shape, lines, build, context.cellShapes);
}

/**
 * A table cell whose XML comes from its shape's prepared XML with its lines filled in. It
 * keeps the options docx's Table reads (spans, width, borders…), so vertical merges are
 * continued as for any cell.
 */
class ShapedTableCell extends TableCell {
  constructor(
    options: ITableCellOptions,
    private readonly shape: string,
    private readonly lines: readonly string[],
    private readonly build: () => TableCell,
    private readonly shapes: CellShapes,
  ) {
    super(options);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    let prepared = this.shapes.get(this.shape);
    if (!prepared) {
      prepared = this.build().prepForXml(context);
      if (!prepared) throw new Error('docx 未能写出表格单元格');
      this.shapes.set(this.shape, prepared);
    }
    return fillText(prepared, this.lines) as IXmlableObject;
  }
}
