import type { Block, BlockKind } from '../../layout/layout-model.js';
import type { PdfBlockHandler } from './pdf-render-context.js';
import { renderSpacerBlock } from './render-spacer-block.js';
import { renderTableBlock } from './render-table-block.js';
import { renderTextBlock } from './render-text-block.js';

/** One handler per block kind; a kind added to the layout model fails to compile here. */
export const pdfBlockHandlers: { [K in BlockKind]: PdfBlockHandler<Extract<Block, { kind: K }>> } = {
  text: renderTextBlock,
  spacer: renderSpacerBlock,
  table: renderTableBlock,
};
