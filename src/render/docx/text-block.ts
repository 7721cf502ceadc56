import { Paragraph } from 'docx';
import type { TextBlock } from '../../layout/layout-model.js';
import type { BlockHandler } from './block-handler.js';
import { DocxUnits } from './docx-units.js';
import { horizontalAlignment } from './horizontal-alignment.js';
import { exactLineHeight, paragraphMark } from './paragraph-mark.js';
import { textRuns } from './text-runs.js';

export const textBlock: BlockHandler<TextBlock> = (block, context) => [
  new Paragraph({
    ...(block.align !== 'left' ? { alignment: horizontalAlignment[block.align] } : {}),
    spacing: { ...exactLineHeight(block.lineHeight).spacing, before: DocxUnits.dxa(block.spaceBefore), after: DocxUnits.dxa(block.spaceAfter) },
    ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...paragraphMark(block.style, context),
    children: textRuns(block.lines.join('\n'), block.style, context),
  }),
];
