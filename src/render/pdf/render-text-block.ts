import type { TextBlock } from '../../layout/layout-model.js';
import type { Content } from './pdfmake-internals.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import { pdfTextStyle } from './pdf-text-style.js';

export function renderTextBlock(block: TextBlock, context: PdfRenderContext): Content {
  return {
    text: block.text,
    ...pdfTextStyle(block.style, context.fonts),
    alignment: block.align,
    margin: [0, block.spaceBefore, 0, block.spaceAfter],
  };
}
