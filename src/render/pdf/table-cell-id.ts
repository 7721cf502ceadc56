import type { RowSpanGroup } from './row-span-groups.js';

/**
 * pdfmake hands its page-break callback only node ids, so a cell's id carries what the
 * callback needs: the table, the row, the rowSpan group around it and the header size.
 */
export interface TableCellTag {
  block: number;
  row: number;
  headerRows: number;
  group: RowSpanGroup | null;
}

const PREFIX = 'ziping-cell';

export function tableCellId(tag: TableCellTag, column: number): string {
  const group = tag.group ? `${tag.group.first}-${tag.group.last}` : '';
  return [PREFIX, tag.block, tag.row, column, tag.headerRows, group].join(':');
}

export function parseTableCellId(id: unknown): TableCellTag | null {
  if (typeof id !== 'string' || !id.startsWith(`${PREFIX}:`)) return null;
  const [, block, row, , headerRows, group] = id.split(':');
  const [first, last] = group ? group.split('-').map(Number) : [];
  return {
    block: Number(block),
    row: Number(row),
    headerRows: Number(headerRows),
    group: group ? { first, last } : null,
  };
}
