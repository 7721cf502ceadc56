import type { LayoutDocument, RenderedFile } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import { applyPdfa } from './apply-pdfa.js';
import type { PdfaOptions } from './pdfa-options.js';
import { collectFontDescriptors } from './collect-font-descriptors.js';
import { coalesceStreamWrites } from './coalesce-stream-writes.js';
import { useFastStyleLookup } from './fast-style-lookup.js';
import { useGhostscriptReadableFonts } from './font-subset-objects.js';
import { pdfkitEmbeddedFontClass, registerFontCache } from './register-font-cache.js';
import { paintedLines, paintedPageCount } from './painted-lines.js';
import { pdfDocumentDefinition } from './pdf-document-definition.js';
import {
  PdfmakePrinterClass,
  PdfmakeUrlResolverClass,
  type PdfKitDocument,
  type PdfmakeVirtualFs,
} from './pdfmake-internals.js';

export interface PdfRenderer {
  /** Same document, date and options → same bytes; `placed` is every line drawn. */
  render(doc: LayoutDocument, options: PdfRenderOptions): Promise<RenderedFile>;
}

export interface PdfRenderOptions {
  date: Date;
  /** Write PDF/A-3b (archival): XMP, sRGB output intent, the source as an associated file. */
  pdfa?: PdfaOptions;
}

export type { PdfaOptions };

export interface PdfRendererOptions {
  fonts: FontSet;
  /** Keep parsed fonts across documents (default true); false is pdfmake's own path, for comparison. */
  cacheFonts?: boolean;
}

/** No virtual files: fonts are read from their paths; nothing may be fetched and stored. */
const NO_VIRTUAL_FILES: PdfmakeVirtualFs = {
  existsSync: () => false,
  readFileSync: (path) => {
    throw new Error(`no virtual file ${path}`);
  },
  writeFileSync: (path) => {
    throw new Error(`refusing to store a downloaded resource: ${path}`);
  },
};

function readAll(stream: PdfKitDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    stream.on('error', reject);
    stream.end();
  });
}

/** Build once per process (or worker), render many: the font faces are parsed once and shared. */
export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const { fonts } = options;
  const fontFiles = new Set(fonts.faces().map((face) => face.file));
  // Only the configured font files may be read from disk (no images or attachments by path).
  const localAccessPolicy = (path: string) => fontFiles.has(path);
  const faces = fonts.faces();
  // Before any document embeds a font: ToUnicode as bfchar, one subset tag per subset.
  if (faces.length > 0) useGhostscriptReadableFonts(pdfkitEmbeddedFontClass(faces[0]!));
  if (options.cacheFonts !== false) registerFontCache(localAccessPolicy, fonts.faces());
  coalesceStreamWrites();
  useFastStyleLookup();
  return {
    async render(doc, { date, pdfa }) {
      const urlResolver = new PdfmakeUrlResolverClass(NO_VIRTUAL_FILES);
      urlResolver.setUrlAccessPolicy(() => false);
      const printer = new PdfmakePrinterClass(collectFontDescriptors(doc, fonts), NO_VIRTUAL_FILES, urlResolver, localAccessPolicy);
      const definition = { ...pdfDocumentDefinition(doc, fonts, date), ...(pdfa ? { subset: 'PDF/A-3b' as const } : {}) };
      const pdfKitDocument = await printer.createPdfKitDocument(definition);
      // The layout decided every page break; pdfmake needing a page more or less means it did not follow.
      const pages = paintedPageCount(pdfKitDocument);
      if (pages !== doc.pages) throw new Error(`PDF 排出 ${pages} 页，与排版决定的 ${doc.pages} 页不一致（${doc.meta.title}），未写出`);
      if (pdfa) applyPdfa(pdfKitDocument, pdfa, date);
      return { bytes: await readAll(pdfKitDocument), placed: paintedLines(pdfKitDocument) };
    },
  };
}
