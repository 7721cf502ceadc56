import type { Block, BlockKind } from '../../layout/layout-model.js';
import type { BlockHandler } from './block-handler.js';
import { spacerBlock } from './spacer-block.js';
import { tableBlock } from './table-block.js';
import { textBlock } from './text-block.js';

/** One handler per block kind: the compiler flags a kind the DOCX renderer forgot. */
export const blockHandlers: { [K in BlockKind]: BlockHandler<Extract<Block, { kind: K }>> } = {
  text: textBlock,
  spacer: spacerBlock,
  table: tableBlock,
};
