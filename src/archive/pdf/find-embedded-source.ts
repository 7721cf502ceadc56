import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

export interface EmbeddedFile {
  name: string;
  relationship: string;
  mimeType: string;
  bytes: Uint8Array;
}

function fileSpecs(context: PDFContext, catalog: PDFDict): PDFDict[] {
  const specs: PDFDict[] = [];
  const af = catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  for (const item of af?.asArray() ?? []) {
    const spec = item instanceof PDFRef ? context.lookupMaybe(item, PDFDict) : item instanceof PDFDict ? item : undefined;
    if (spec) specs.push(spec);
  }
  return specs;
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function embeddedFile(context: PDFContext, spec: PDFDict): EmbeddedFile | undefined {
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const streamRef = ef?.get(PDFName.of('UF')) ?? ef?.get(PDFName.of('F'));
  const stream = streamRef instanceof PDFRef ? context.lookup(streamRef) : streamRef;
  if (!(stream instanceof PDFRawStream)) return undefined;
  return {
    name: textOf(spec.get(PDFName.of('UF'))) ?? textOf(spec.get(PDFName.of('F'))) ?? '',
    relationship: spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName)?.decodeText() ?? '',
    mimeType: stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '',
    bytes: decodePDFRawStream(stream).decode(),
  };
}

/**
 * The files associated with the document (the catalog's /AF, PDF/A-3), decoded. The form's
 * YAML source is the one with /AFRelationship /Source.
 */
export function findEmbeddedFiles(context: PDFContext): EmbeddedFile[] {
  const root = context.trailerInfo.Root;
  const catalog = root instanceof PDFRef ? context.lookupMaybe(root, PDFDict) : undefined;
  if (!catalog) return [];
  return fileSpecs(context, catalog).flatMap((spec) => embeddedFile(context, spec) ?? []);
}
