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

/** Signature fields of the AcroForm (descending into /Kids) whose value is a signature dictionary. */
export function findSignatures(context: PDFContext): PdfSignature[] {
  const root = context.trailerInfo.Root;
  const catalog = root instanceof PDFRef ? context.lookupMaybe(root, PDFDict) : undefined;
  const acroForm = catalog?.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: PdfSignature[] = [];
  const visit = (value: PDFObject, parentName: string, depth: number) => {
    const field = value instanceof PDFRef ? context.lookupMaybe(value, PDFDict) : value instanceof PDFDict ? value : undefined;
    if (!field || depth > 32) return;
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
  return found;
}
