import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 0-based page index the entry opens. */
  page: number;
}

/**
 * A flat PDF outline (bookmarks), one item per entry, each opening its page at the top
 * (`/XYZ null null null` keeps the reader's zoom). pdf-lib has no outline API, so the
 * dictionaries are written directly (PDF 32000-1 §12.3.3); titles are UTF-16 text strings.
 */
export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const root = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), root);
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]);
    if (index < entries.length - 1) item.set(PDFName.of('Next'), refs[index + 1]);
    item.set(PDFName.of('Dest'), context.obj([pages[entry.page].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
    context.assign(refs[index], item);
  });
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), refs[0]);
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]);
  outlines.set(PDFName.of('Count'), PDFNumber.of(entries.length));
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  // Open with the bookmarks panel showing.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
