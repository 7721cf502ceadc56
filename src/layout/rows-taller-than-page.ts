import { estimateRowHeights } from './estimate-row-heights.js';
import type { LayoutDocument, Points } from './layout-model.js';

export interface TallRow {
  block: number;
  row: number;
  /** Estimated height (on the high side) and the room a page leaves for it under the repeated header. */
  height: Points;
  room: Points;
}

/**
 * Body rows whose estimated height exceeds what a page holds below its table's header — rows
 * a renderer cannot place until rows may split across pages. An estimate (errs tall), so it
 * warns where `check` cannot render; the build's own placement check is the guarantee.
 */
export function rowsTallerThanPage(doc: LayoutDocument): TallRow[] {
  const { page } = doc;
  const landscape = page.orientation === 'landscape';
  const pageHeight = (landscape ? page.width : page.height) - page.margins.top - page.margins.bottom;
  const tall: TallRow[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    const { rows } = estimateRowHeights(block);
    const room = pageHeight - rows.slice(0, block.headerRows).reduce((sum, height) => sum + height, 0);
    rows.forEach((height, row) => {
      if (row >= block.headerRows && height > room) tall.push({ block: index, row, height, room });
    });
  });
  return tall;
}
