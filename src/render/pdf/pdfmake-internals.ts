import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { useNativeInflate } from '../fonts/native-inflate.js';

/**
 * pdfmake's public entry is a process-wide singleton (global fonts and policies), and it has
 * no way to reuse parsed fonts. We use its Printer and PDFDocument classes directly instead.
 * These are internals of pdfmake 0.3.11 / pdfkit 0.19.1 (pinned in package.json); the
 * byte-identity tests in test/render-pdf-*.test.ts fail if an upgrade changes them.
 */

/** A font file path per style, as pdfmake's `fonts` option takes it. */
export type PdfmakeFontDescriptors = Record<string, { normal: string; bold?: string }>;

export interface PdfmakeVirtualFs {
  existsSync(path: string): boolean;
  readFileSync(path: string): Buffer;
  writeFileSync(path: string, content: ArrayBuffer): void;
}

/** The pdfkit document pdfmake renders into (a readable stream of PDF bytes). */
export interface PdfKitDocument extends NodeJS.ReadableStream {
  end(): void;
}

export interface PdfmakePrinter {
  createPdfKitDocument(definition: TDocumentDefinitions, options?: object): Promise<PdfKitDocument>;
}

interface PdfmakeUrlResolver {
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}

/** The members of pdfmake's PDFDocument (a pdfkit subclass) that the font cache relies on. */
export interface PdfmakePdfDocumentPrototype {
  provideFont(this: PdfmakePdfDocumentInstance, familyName: string, bold: boolean, italics: boolean): unknown;
}

export interface PdfmakePdfDocumentInstance {
  getFontFile(familyName: string, bold: boolean, italics: boolean): unknown;
  /** pdfkit: fonts of this document by cache key; `font(src)` reuses an entry found here. */
  _fontFamilies: Record<string, unknown>;
  /** pdfkit: counter behind the per-document font resource ids F1, F2, … */
  _fontCount: number;
  /** pdfmake: the policy the Printer was given (ours identifies the renderer). */
  localAccessPolicy?: (path: string) => boolean;
}

const require = createRequire(import.meta.url);
// Before pdfmake loads pdfkit, fontkit and the line breaker (their Unicode tables).
useNativeInflate();

export const PdfmakePrinterClass = (require('pdfmake/js/Printer.js') as { default: unknown }).default as new (
  fonts: PdfmakeFontDescriptors,
  virtualFs: PdfmakeVirtualFs,
  urlResolver: PdfmakeUrlResolver,
  localAccessPolicy: (path: string) => boolean,
) => PdfmakePrinter;

export const PdfmakeUrlResolverClass = (require('pdfmake/js/URLResolver.js') as { default: unknown }).default as new (
  virtualFs: PdfmakeVirtualFs,
) => PdfmakeUrlResolver;

export const pdfmakePdfDocumentPrototype = (
  require('pdfmake/js/PDFDocument.js') as { default: { prototype: PdfmakePdfDocumentPrototype } }
).default.prototype;

/** A pdfmake style stack: named styles and override objects, searched from the top. */
export interface PdfmakeStyleStack {
  styleDictionary: Record<string, PdfmakeStyle | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: (string | Record<string, unknown>)[];
  getProperty(property: string): unknown;
}

export type PdfmakeStyle = Record<string, unknown> & { extends?: string | string[] };

export interface PdfmakeStyleStackClass {
  new (styleDictionary: Record<string, PdfmakeStyle | undefined>, defaultStyle?: Record<string, unknown>): PdfmakeStyleStack;
  prototype: PdfmakeStyleStack;
  getStyleProperty(item: unknown, stack: PdfmakeStyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

export const PdfmakeStyleStackClass = (require('pdfmake/js/StyleContextStack.js') as { default: unknown }).default as PdfmakeStyleStackClass;

/** pdfkit itself, only to learn its (unexported) EmbeddedFont class once. */
export const PdfKitClass = require('pdfkit') as new (options: object) => {
  font(src: Uint8Array): { _font: { constructor: unknown } };
};

export type { Content, TDocumentDefinitions };
