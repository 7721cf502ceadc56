import type { LayoutDocument, RenderedFile } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import { applyPdfa } from './apply-pdfa.js';
import type { PdfaOptions } from './pdfa-options.js';
import { collectFontDescriptors } from './collect-font-descriptors.js';
import { coalesceStreamWrites } from './coalesce-stream-writes.js';
import { useFastStyleLookup } from './fast-style-lookup.js';
import { useGhostscriptReadableFonts } from './font-subset-objects.js';
import { createTextMeasures, pdfkitEmbeddedFontClass, registerFontCache } from './register-font-cache.js';
import { paintedLines } from './painted-lines.js';
import { observeRowSpanGroups, type TableSplit } from './observe-row-span-groups.js';
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
  /** Break long cell text into lines before pdfmake does (default true); false lets pdfmake break all, for comparison. */
  breakLines?: boolean;
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
  const textMeasures = options.breakLines !== false ? createTextMeasures(fonts.faces()) : undefined;
  coalesceStreamWrites();
  useFastStyleLookup();
  return {
    async render(doc, { date, pdfa }) {
      const urlResolver = new PdfmakeUrlResolverClass(NO_VIRTUAL_FILES);
      urlResolver.setUrlAccessPolicy(() => false);
      const printer = new PdfmakePrinterClass(collectFontDescriptors(doc, fonts), NO_VIRTUAL_FILES, urlResolver, localAccessPolicy);
      // Lay out; if a rowSpan group crossed a page, split its table before it and lay out again.
      // Each round only moves groups later; a group seen crossing twice is taller than a page.
      const splits: TableSplit[] = [];
      for (;;) {
        const observer = observeRowSpanGroups();
        const definition = {
          ...pdfDocumentDefinition(doc, fonts, date, splits, textMeasures),
          ...(pdfa ? { subset: 'PDF/A-3b' as const } : {}),
          pageBreakBefore: observer.pageBreakBefore,
        };
        const pdfKitDocument = await printer.createPdfKitDocument(definition);
        const fresh = observer
          .crossingGroups()
          .filter((group) => !splits.some((split) => split.block === group.block && split.row === group.row));
        if (fresh.length === 0) {
          if (pdfa) applyPdfa(pdfKitDocument, pdfa, date);
          return { bytes: await readAll(pdfKitDocument), placed: paintedLines(pdfKitDocument) };
        }
        // Fix the earliest crossing only: every later page break moves once it is fixed.
        splits.push(fresh.reduce((a, b) => (a.block < b.block || (a.block === b.block && a.row < b.row) ? a : b)));
      }
    },
  };
}
