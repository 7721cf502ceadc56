import type { LayoutDocument, TextStyle } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import type { PdfmakeFontDescriptors } from './pdfmake-internals.js';

function* documentStyles(doc: LayoutDocument): Generator<Pick<TextStyle, 'role' | 'bold'>> {
  yield { role: 'body', bold: false }; // the default style
  for (const block of doc.blocks) {
    if (block.kind === 'text') yield block.style;
    if (block.kind === 'table') {
      for (const row of block.rows) for (const slot of row.slots) if (slot.kind === 'cell') yield slot.style;
    }
  }
}

/** pdfmake's font table for the faces this document uses: family → file (as "normal"). */
export function collectFontDescriptors(doc: LayoutDocument, fonts: FontSet): PdfmakeFontDescriptors {
  const descriptors: PdfmakeFontDescriptors = {};
  for (const style of documentStyles(doc)) {
    const face = fonts.faceFor(style);
    descriptors[face.family] ??= { normal: face.file };
  }
  return descriptors;
}
