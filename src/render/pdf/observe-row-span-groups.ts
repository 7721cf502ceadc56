import type { Node as PdfmakeNode } from 'pdfmake/interfaces.js';
import { parseTableCellId } from './table-cell-id.js';

/** A body row of a table block before which a new page must start. */
export interface TableSplit {
  block: number;
  row: number;
}

export interface RowSpanGroupObserver {
  /** pdfmake's pageBreakBefore callback; it only watches and never adds a break itself. */
  pageBreakBefore(node: PdfmakeNode): boolean;
  /** Groups the last layout spread over two or more pages, as the rows that start them. */
  crossingGroups(): TableSplit[];
}

/**
 * pdfmake draws a rowSpan group that crosses a page break with an empty continuation cell,
 * and a page break forced inside a table corrupts its rows. So the renderer lays out once,
 * learns here which groups crossed, and lays out again with the table split before them.
 */
export function observeRowSpanGroups(): RowSpanGroupObserver {
  const pages = new Map<string, { split: TableSplit; first: number; last: number }>();
  return {
    pageBreakBefore(node) {
      const tag = parseTableCellId(node.id);
      if (!tag?.group) return false;
      const key = `${tag.block}:${tag.group.first}`;
      const seen = pages.get(key) ?? { split: { block: tag.block, row: tag.group.first }, first: Infinity, last: -Infinity };
      for (const page of node.pageNumbers) {
        seen.first = Math.min(seen.first, page);
        seen.last = Math.max(seen.last, page);
      }
      pages.set(key, seen);
      return false;
    },
    crossingGroups: () => [...pages.values()].filter((group) => group.last > group.first).map((group) => group.split),
  };
}
