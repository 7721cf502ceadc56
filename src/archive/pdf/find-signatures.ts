import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

export interface PdfSignature {
  field: string;
  byteRange: number[];
  /** The /Contents bytes (DER CMS, usually followed by zero padding). */
  contents: Uint8Array;
  subFilter: string;
  /** /M as written (a PDF date string), if any. */
  time?: string;
  reason?: string;
  location?: string;
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The widget annotations of every page (walking the page tree, at most 64 levels deep). */
function pageAnnotations(context: PDFContext, catalog: PDFDict | undefined): PDFObject[] {
  const annotations: PDFObject[] = [];
  const visit = (node: PDFObject | undefined, depth: number) => {
    const dict = node instanceof PDFRef ? context.lookupMaybe(node, PDFDict) : undefined;
    if (!dict || depth > 64) return;
    for (const kid of dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) visit(kid, depth + 1);
    annotations.push(...(dict.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []));
  };
  visit(catalog?.get(PDFName.of('Pages')), 0);
  return annotations;
}

/**
 * Signature fields whose value is a signature dictionary: those of the AcroForm (descending
 * into /Kids), and signature widgets that only a page lists — poppler's `pdfsig -add-signature`
 * adds its field to the page's /Annots and not to /Fields, and viewers still show it.
 */
export function findSignatures(context: PDFContext): PdfSignature[] {
  const root = context.trailerInfo.Root;
  const catalog = root instanceof PDFRef ? context.lookupMaybe(root, PDFDict) : undefined;
  const acroForm = catalog?.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: PdfSignature[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: PDFObject, parentName: string, depth: number) => {
    const field = value instanceof PDFRef ? context.lookupMaybe(value, PDFDict) : value instanceof PDFDict ? value : undefined;
    if (!field || depth > 32 || seen.has(field)) return;
    seen.add(field);
    const partial = text(field.get(PDFName.of('T')));
    const name = [parentName, partial].filter(Boolean).join('.');
    const signature = field.lookupMaybe(PDFName.of('V'), PDFDict);
    const contents = signature?.get(PDFName.of('Contents'));
    const range = signature?.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    if (signature && range && (contents instanceof PDFHexString || contents instanceof PDFString)) {
      found.push({
        field: name,
        byteRange: range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN)),
        contents: contents.asBytes(),
        subFilter: signature.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? '',
        time: text(signature.get(PDFName.of('M'))),
        reason: text(signature.get(PDFName.of('Reason'))),
        location: text(signature.get(PDFName.of('Location'))),
      });
    }
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (const kid of kids?.asArray() ?? []) visit(kid, name, depth + 1);
  };
  for (const field of fields?.asArray() ?? []) visit(field, '', 0);
  for (const annotation of pageAnnotations(context, catalog)) {
    const widget = annotation instanceof PDFRef ? context.lookupMaybe(annotation, PDFDict) : undefined;
    if (widget && !seen.has(widget) && widget.lookupMaybe(PDFName.of('FT'), PDFName) === PDFName.of('Sig')) visit(annotation, '', 0);
  }
  // In the order they were made: each later signature's byte range covers the earlier ones.
  return found.sort((a, b) => (a.byteRange[2] ?? 0) + (a.byteRange[3] ?? 0) - ((b.byteRange[2] ?? 0) + (b.byteRange[3] ?? 0)));
}
