import { PDFArray, PDFDict, PDFName, PDFParser, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { ArchiveError } from '../archive-error.js';

/** What an incremental update needs to know about the file it extends. */
export interface PdfStructure {
  context: PDFContext;
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
  /** Offset of the last cross-reference section (the `/Prev` of the next one). */
  startXref: number;
  /** True when the last section is a cross-reference stream (PDF 1.5+), which the update must follow. */
  xrefStream: boolean;
  /** The first object number the update may use. */
  nextObjectNumber: number;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  // The last `startxref N %%EOF`; bytes after it (junk, or an unsigned append) do not stop parsing.
  const match = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1);
  if (!match) throw new ArchiveError('E_PDF_INVALID', '不是完整的 PDF 文件（末尾没有 startxref/%%EOF）');
  const startXref = Number(match[1]);
  const section = latin1(bytes, startXref, Math.min(bytes.length, startXref + 4096));
  const xrefStream = !section.startsWith('xref');
  let context: PDFContext;
  try {
    context = await PDFParser.forBytesWithOptions(bytes, Infinity, false).parseDocument();
  } catch (error) {
    throw new ArchiveError('E_PDF_INVALID', `PDF 无法解析：${(error as Error).message}`);
  }
  const { Root, Info, ID, Encrypt } = context.trailerInfo;
  if (Encrypt) throw new ArchiveError('E_PDF_ENCRYPTED', 'PDF 已加密（归档文件不得加密，也不能签名）');
  if (!(Root instanceof PDFRef)) throw new ArchiveError('E_PDF_INVALID', 'PDF 没有文档目录（/Root）');
  const size = /\/Size\s+(\d+)/.exec(section);
  const nextObjectNumber = Math.max(context.largestObjectNumber + 1, size ? Number(size[1]) : 0);
  return { context, root: Root, info: Info, id: ID, startXref, xrefStream, nextObjectNumber };
}

/** The first page's reference (the signature widget sits on it). */
export function firstPage(context: PDFContext, catalog: PDFDict): PDFRef {
  let node: PDFObject | undefined = catalog.get(PDFName.of('Pages'));
  for (let depth = 0; depth < 64 && node instanceof PDFRef; depth += 1) {
    const dict = context.lookup(node, PDFDict);
    if (dict.get(PDFName.of('Type')) === PDFName.of('Page')) return node;
    const kids = dict.lookup(PDFName.of('Kids'), PDFArray);
    node = kids.size() > 0 ? kids.get(0) : undefined;
  }
  throw new ArchiveError('E_PDF_INVALID', 'PDF 没有页面');
}
