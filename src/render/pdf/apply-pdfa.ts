import { createHash } from 'node:crypto';
import type { PdfKitDocument } from './pdfmake-internals.js';
import { pdfaXmpDescriptions, type PdfInfo } from './pdfa-xmp.js';

import type { PdfaOptions } from './pdfa-options.js';

export type { PdfaOptions };

/** The pdfkit members used here (pdfkit 0.19.1, pinned with pdfmake 0.3.11). */
interface PdfKitInternals {
  info: PdfInfo;
  metadata: { end(): void; getXML(): string };
  appendXML(xml: string): void;
  ref(data: object): PdfKitReference;
  _root: { data: Record<string, unknown> };
  endMetadata(): void;
  addNamedEmbeddedFile(name: string, ref: PdfKitReference): void;
}

interface PdfKitReference {
  compress: boolean;
  write(data: Buffer): void;
  end(data?: Buffer): void;
}

/**
 * Finishes a pdfkit document created with `subset: 'PDF/A-3b'` (which adds pdfaid and the sRGB
 * output intent) before it ends: our XMP instead of pdfkit's, and the source attachment with
 * the MIME type, dates and relationship PDF/A-3 requires (ISO 19005-3 §6.8).
 */
export function applyPdfa(document: PdfKitDocument, options: PdfaOptions, date: Date): void {
  const doc = document as unknown as PdfKitInternals;
  doc.endMetadata = function endMetadata(this: PdfKitInternals) {
    this.appendXML(pdfaXmpDescriptions(this.info));
    this.metadata.end();
    // PDF/A: the metadata stream is not filtered; unlike pdfkit's, no stray lower-case /length key.
    const ref = this.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.write(Buffer.from(this.metadata.getXML(), 'utf8'));
    ref.end();
    this._root.data.Metadata = ref;
  };
  const source = options.source;
  if (source) {
    // Not pdfkit's doc.file(): it writes /CheckSum as 32 hex characters; ISO 32000 wants the 16 MD5 bytes.
    const data = Buffer.from(source.bytes);
    const stream = doc.ref({
      Type: 'EmbeddedFile',
      Subtype: escapeName(source.mimeType ?? 'application/yaml'),
      Params: { CreationDate: date, ModDate: date, Size: data.length, CheckSum: createHash('md5').update(data).digest() },
    });
    stream.end(data);
    const name = new String(source.name);
    const fileSpec = doc.ref({
      Type: 'Filespec',
      F: name,
      UF: name,
      EF: { F: stream, UF: stream },
      Desc: new String(source.description ?? '表单源数据（YAML）'),
      AFRelationship: 'Source',
    });
    fileSpec.end();
    doc.addNamedEmbeddedFile(source.name, fileSpec);
    doc._root.data.AF = [fileSpec];
  }
}

/** A PDF name's characters outside `!`..`~` and its delimiters as #XX (pdfkit writes plain strings as names). */
function escapeName(name: string): string {
  return [...Buffer.from(name, 'utf8')]
    .map((byte) => (byte > 0x20 && byte < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `#${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}
