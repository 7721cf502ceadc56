import type { SpacerBlock } from '../../layout/layout-model.js';
import type { BlockHandler } from './block-handler.js';
import { gapParagraph } from './gap-paragraph.js';

export const spacerBlock: BlockHandler<SpacerBlock> = (block) => (block.height > 0 ? [gapParagraph(block.height)] : []);
