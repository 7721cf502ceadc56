import type { TextBlock } from '../../layout/layout-model.js';
import type { Content } from './pdfmake-internals.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfTextStyle } from './pdf-text-style.js';
import { paintedText } from './render-table-cell.js';

export function renderTextBlock(block: TextBlock, context: PdfRenderContext): Content {
  return {
    ...(paintedText(block.lines) as object),
    ...pdfTextStyle(block.style, context.fonts),
    alignment: block.align,
    margin: [0, block.spaceBefore, 0, block.spaceAfter],
    ...(block.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
  } as Content;
}
