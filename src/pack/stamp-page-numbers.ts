import { PDFDocument } from 'pdf-lib';
import { PAGE_NUMBER_BAND } from './page-number-layout.js';

/**
 * Draws page i of the rendered page-number document over page i of `doc`, clipped to the
 * bottom band and centred on pages of any width. All stamps are embedded in one call, so
 * their font subset is copied into the pack once.
 */
export async function stampPageNumbers(doc: PDFDocument, numbersPdf: Uint8Array): Promise<void> {
  const numbers = await PDFDocument.load(numbersPdf);
  const pages = doc.getPages();
  const stamps = numbers.getPages();
  if (stamps.length !== pages.length) {
    throw new Error(`页码文档有 ${stamps.length} 页，汇编有 ${pages.length} 页`);
  }
  const boxes = stamps.map((stamp) => ({ left: 0, bottom: 0, right: stamp.getWidth(), top: PAGE_NUMBER_BAND + 4 }));
  const embedded = await doc.embedPages(stamps, boxes);
  pages.forEach((page, index) => {
    const box = page.getMediaBox();
    page.drawPage(embedded[index], { x: box.x + (box.width - stamps[index].getWidth()) / 2, y: box.y });
  });
}
