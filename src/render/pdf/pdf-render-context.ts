import type { FontSet } from '../fonts/font-set.js';
import type { TextMeasures } from './register-font-cache.js';
import type { Content } from './pdfmake-internals.js';

/** What a block handler may use: the fonts, and its block's position in the document. */
export interface PdfRenderContext {
  fonts: FontSet;
  /** pdfmake's own measure of a text (lets a cell's lines be laid out ahead); absent: pdfmake breaks all text. */
  textMeasures?: TextMeasures;
  /** 0-based index of the block among the document's blocks (stable ids for page-break logic). */
  blockIndex: number;
  /** Table body rows of this block before which a new page must start (see observe-row-span-groups). */
  splitBefore: ReadonlySet<number>;
}

export type PdfBlockHandler<B> = (block: B, context: PdfRenderContext) => Content;
