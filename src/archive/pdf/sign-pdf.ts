import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { ArchiveError } from '../archive-error.js';
import type { Signer } from '../create-signer.js';
import { incrementalUpdate, type UpdateObject } from './incremental-update.js';
import { pdfDate } from './pdf-date.js';
import { firstPage, readPdfStructure, type PdfStructure } from './pdf-structure.js';

export interface SignPdfOptions {
  /** The signing time, written to the signature dictionary's /M (PAdES B-B has no signing-time attribute). */
  date: Date;
  reason?: string;
  location?: string;
}

const BYTE_RANGE_WIDTH = 40;

function textString(text: string): string {
  return PDFHexString.fromText(text).toString();
}

function copyDict(context: PDFContext, dict: PDFDict): PDFDict {
  const copy = PDFDict.withContext(context);
  for (const [key, value] of dict.entries()) copy.set(key, value);
  return copy;
}

function objectText(ref: PDFRef, body: string): UpdateObject {
  return { number: ref.objectNumber, generation: ref.generationNumber, text: `${ref.objectNumber} ${ref.generationNumber} obj\n${body}\nendobj` };
}

/** An array value that may be inline or indirect: the objects to write for it with one more element. */
function appendTo(context: PDFContext, owner: PDFDict, key: string, element: PDFRef, writes: UpdateObject[]): void {
  const name = PDFName.of(key);
  const value = owner.get(name);
  if (value instanceof PDFRef) {
    const array = context.lookupMaybe(value, PDFArray);
    const items = array ? array.asArray() : [];
    writes.push(objectText(value, `[${[...items, element].map((item) => item.toString()).join(' ')}]`));
    return;
  }
  const items = value instanceof PDFArray ? value.asArray() : [];
  owner.set(name, context.obj([...items, element] as PDFObject[]));
}

/**
 * Signs a PDF as an incremental update: PAdES baseline B-B (/SubFilter ETSI.CAdES.detached), a
 * signature field whose widget is invisible in the way PDF/A accepts (/F 132 = Print+Locked,
 * zero /Rect, an empty appearance stream), the byte range covering the whole file except
 * the /Contents hex string. The original bytes are kept unchanged at the start of the result.
 * `structure` is the file already parsed by the caller, if it was.
 */
export async function signPdf(
  original: Uint8Array,
  signer: Signer,
  options: SignPdfOptions,
  structure?: PdfStructure,
): Promise<Uint8Array> {
  structure ??= await readPdfStructure(original);
  const { context } = structure;
  const catalog = context.lookup(structure.root, PDFDict);
  const pageRef = firstPage(context, catalog);
  const page = context.lookup(pageRef, PDFDict);

  let next = structure.nextObjectNumber;
  const signatureRef = PDFRef.of(next++);
  const widgetRef = PDFRef.of(next++);
  const appearanceRef = PDFRef.of(next++);
  const writes: UpdateObject[] = [];

  // The catalog's /AcroForm (inline or indirect) gets the field and /SigFlags 3 (signatures exist, append only).
  const updatedCatalog = copyDict(context, catalog);
  const acroFormValue = catalog.get(PDFName.of('AcroForm'));
  const acroForm = acroFormValue instanceof PDFRef ? copyDict(context, context.lookup(acroFormValue, PDFDict)) : acroFormValue instanceof PDFDict ? copyDict(context, acroFormValue) : PDFDict.withContext(context);
  const existingFields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const fieldName = `Signature${(existingFields?.size() ?? 0) + 1}`;
  appendTo(context, acroForm, 'Fields', widgetRef, writes);
  acroForm.set(PDFName.of('SigFlags'), context.obj(3));
  if (acroFormValue instanceof PDFRef) writes.push(objectText(acroFormValue, acroForm.toString()));
  else updatedCatalog.set(PDFName.of('AcroForm'), acroForm);
  writes.push(objectText(structure.root, updatedCatalog.toString()));

  const updatedPage = copyDict(context, page);
  appendTo(context, updatedPage, 'Annots', widgetRef, writes);
  writes.push(objectText(pageRef, updatedPage.toString()));

  const placeholderHex = signer.maxCmsLength * 2;
  const optional = [
    options.reason ? `/Reason ${textString(options.reason)}\n` : '',
    options.location ? `/Location ${textString(options.location)}\n` : '',
  ].join('');
  writes.push(
    objectText(
      signatureRef,
      `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange [${' '.repeat(BYTE_RANGE_WIDTH)}]\n/Contents <${'0'.repeat(placeholderHex)}>\n/M (${pdfDate(options.date)})\n${optional}>>`,
    ),
    objectText(
      widgetRef,
      `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (${fieldName})\n/V ${signatureRef.toString()}\n/F 132\n/Rect [0 0 0 0]\n/P ${pageRef.toString()}\n/AP << /N ${appearanceRef.toString()} >>\n>>`,
    ),
    objectText(appearanceRef, '<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 0 0]\n/Resources << >>\n/Length 0\n>>\nstream\n\nendstream'),
  );

  const update = incrementalUpdate(original, structure, writes);
  const signed = Buffer.concat([original, update.bytes]);
  const signatureAt = original.length + update.offsets.get(signatureRef.objectNumber)!;
  const contentsStart = signed.indexOf('/Contents <', signatureAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + placeholderHex + 2;
  const byteRange = [0, contentsStart, contentsEnd, signed.length - contentsEnd];
  const rangeAt = signed.indexOf('/ByteRange [', signatureAt, 'latin1') + '/ByteRange ['.length;
  signed.write(byteRange.join(' ').padEnd(BYTE_RANGE_WIDTH, ' '), rangeAt, 'latin1');

  const digest = createHash('sha256').update(signed.subarray(0, contentsStart)).update(signed.subarray(contentsEnd)).digest();
  const cms = Buffer.from(signer.signDigest(digest)).toString('hex');
  if (cms.length > placeholderHex) throw new ArchiveError('E_SIGN_INTERNAL', '签名数据超出预留空间');
  signed.write(cms.padEnd(placeholderHex, '0'), contentsStart + 1, 'latin1');
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.length);
}
