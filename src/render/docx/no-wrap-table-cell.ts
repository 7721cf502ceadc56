import { type ITableCellOptions, type IXmlableObject, OnOffElement, TableCell } from 'docx';

/** docx does not export its serialization context type. */
type Context = Parameters<TableCell['prepForXml']>[0];

/** tcPr children that the schema (CT_TcPr) places after w:noWrap. */
const AFTER_NO_WRAP = new Set(['w:tcMar', 'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark', 'w:headers', 'w:cellIns', 'w:cellDel', 'w:cellMerge', 'w:tcPrChange']);

/**
 * A table cell whose text never wraps (`w:noWrap`), which docx has no option for. The element
 * is spliced into the serialized tcPr at the place the schema requires, so only public API
 * (the `prepForXml` output) is touched.
 */
export class NoWrapTableCell extends TableCell {
  constructor(options: ITableCellOptions) {
    super(options);
  }

  override prepForXml(context: Context): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children = xml?.['w:tc'] as IXmlableObject[] | undefined;
    const properties = children?.find((child) => 'w:tcPr' in child)?.['w:tcPr'] as IXmlableObject[] | undefined;
    const noWrap = new OnOffElement('w:noWrap').prepForXml(context);
    if (!Array.isArray(properties) || !noWrap) throw new Error('docx 的表格单元格结构与预期不符（w:tcPr）');
    const at = properties.findIndex((child) => AFTER_NO_WRAP.has(Object.keys(child)[0]!));
    properties.splice(at < 0 ? properties.length : at, 0, noWrap);
    return xml;
  }
}
