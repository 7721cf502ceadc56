import type { Points, TableBlock } from '../../layout/layout-model.js';

/**
 * The model gives each column's full width; pdfmake wants the text width and adds, per column,
 * both paddings and the rule on its left, plus the closing rule after the last column
 * (DocMeasure getOffsets). Subtracting the same amounts keeps the table exactly as wide.
 */
export function pdfContentWidths(block: TableBlock): Points[] {
  const last = block.columns.length - 1;
  return block.columns.map((width, index) => {
    const rules = block.borderWidth * (index === last ? 2 : 1);
    return Math.max(0, width - 2 * block.cellPadding.horizontal - rules);
  });
}
