import type { TableBlock } from '../../layout/layout-model.js';
import type { CustomTableLayout } from 'pdfmake/interfaces.js';

/** The table's uniform rules and padding; which borders are drawn is set per cell. */
export function pdfTableLayout(block: TableBlock): CustomTableLayout {
  const { borderWidth, borderColor, cellPadding } = block;
  return {
    hLineWidth: () => borderWidth,
    vLineWidth: () => borderWidth,
    hLineColor: () => borderColor,
    vLineColor: () => borderColor,
    paddingLeft: () => cellPadding.horizontal,
    paddingRight: () => cellPadding.horizontal,
    paddingTop: () => cellPadding.vertical,
    paddingBottom: () => cellPadding.vertical,
  };
}
