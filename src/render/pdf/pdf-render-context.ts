import type { FontSet } from '../fonts/font-set.js';
import type { Content } from './pdfmake-internals.js';

/** What a block handler may use: the fonts. */
export interface PdfRenderContext {
  fonts: FontSet;
}

export type PdfBlockHandler<B> = (block: B, context: PdfRenderContext) => Content;
