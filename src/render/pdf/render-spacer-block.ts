import type { SpacerBlock } from '../../layout/layout-model.js';
import type { Content } from './pdfmake-internals.js';

/** An empty canvas takes no height of its own, so the margin is exactly the spacer. */
export function renderSpacerBlock(block: SpacerBlock): Content {
  return { canvas: [], margin: [0, block.height, 0, 0] };
}
