import type * as fontkit from 'fontkit';
import type { FontFace } from '../fonts/font-set.js';
import { PdfKitClass, pdfmakePdfDocumentPrototype, type PdfmakePdfDocumentInstance } from './pdfmake-internals.js';

/**
 * pdfmake re-reads and re-parses every font file for every document (~45 ms per form with a
 * 15 MB CJK face). pdfkit's `font(src)` first looks in the document's `_fontFamilies` under
 * the source path, so before pdfmake asks for a face we put there a pdfkit font wrapping the
 * fontkit font the FontSet parsed once per process. Each document still gets its own subset
 * and resource id (F1, F2, … in order of first use), so the bytes are those of the default path.
 *
 * pdfmake gives no per-document hook, so this patches its PDFDocument.provideFont once; the
 * patch acts only for documents whose local-access policy was registered here by a renderer.
 */
/** A shaped run as pdfkit's fonts give it: glyphs and their positions (1/1000 em). */
interface ShapedRun {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

type EmbeddedFontClass = new (
  document: PdfmakePdfDocumentInstance | object,
  font: fontkit.Font,
  id: string,
) => { layoutCache?: object; widthOfString(text: string, size: number): number; layout(text: string): ShapedRun };

/**
 * pdfkit shapes each text run with fontkit (OpenType GSUB/GPOS) and caches the result per
 * document. The result depends only on the font and the text (pdfkit copies a position before
 * changing it), so one cache per parsed font serves every document: labels and numbers that
 * recur on every form are shaped once. Cleared when large, so memory stays flat in a batch:
 * a cell's whole text is one entry (a shaped run of ~2 KB), and most are seen once, so a large
 * limit only holds memory (50,000 entries grew each worker by ~100 MB per font over 10,000
 * forms); the labels that recur are shaped again within ten documents of a clear.
 */
const LAYOUT_CACHE_LIMIT = 5_000;
const layoutCaches = new WeakMap<fontkit.Font, { entries: Record<string, unknown>; uses: number }>();

function sharedLayoutCache(font: fontkit.Font): Record<string, unknown> {
  let holder = layoutCaches.get(font);
  if (!holder) {
    holder = { entries: Object.create(null) as Record<string, unknown>, uses: 0 };
    layoutCaches.set(font, holder);
  }
  // Counting the keys costs ~0.1 ms at the limit: look every ten documents.
  if (++holder.uses % 10 === 0 && Object.keys(holder.entries).length > LAYOUT_CACHE_LIMIT) {
    holder.entries = Object.create(null) as Record<string, unknown>;
  }
  return holder.entries;
}
type ParsedFonts = Map<string, () => fontkit.Font>;

const fontsByPolicy = new WeakMap<object, ParsedFonts>();
let installed = false;
let embeddedFontClass: EmbeddedFontClass | undefined;

/** pdfkit does not export EmbeddedFont; learn it from one font opened on a scratch document. */
export function pdfkitEmbeddedFontClass(face: FontFace): EmbeddedFontClass {
  return (embeddedFontClass ??= learnEmbeddedFontClass(face));
}

function learnEmbeddedFontClass(face: FontFace): EmbeddedFontClass {
  const scratch = new PdfKitClass({ autoFirstPage: false, font: null });
  // fontkit keeps the file's bytes; handing them over is cheap (fontkit parses lazily).
  const bytes = (face.font() as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
  return scratch.font(bytes)._font.constructor as EmbeddedFontClass;
}

function install(EmbeddedFont: EmbeddedFontClass): void {
  const original = pdfmakePdfDocumentPrototype.provideFont;
  pdfmakePdfDocumentPrototype.provideFont = function provideFont(familyName, bold, italics) {
    const parsedFonts = this.localAccessPolicy ? fontsByPolicy.get(this.localAccessPolicy) : undefined;
    const file = this.getFontFile(familyName, bold, italics);
    const parsed = typeof file === 'string' ? parsedFonts?.get(file) : undefined;
    if (parsed && !this._fontFamilies[file as string]) {
      const font = parsed();
      const embedded = new EmbeddedFont(this, font, `F${++this._fontCount}`);
      embedded.layoutCache = sharedLayoutCache(font);
      this._fontFamilies[file as string] = embedded;
    }
    return original.call(this, familyName, bold, italics);
  };
}

/**
 * Documents printed with `localAccessPolicy` take these faces from the FontSet's parsed fonts.
 * The policy function is the renderer's own, so it identifies the renderer.
 */
export function registerFontCache(localAccessPolicy: (path: string) => boolean, faces: FontFace[]): void {
  if (faces.length === 0) return;
  if (!installed) {
    install((embeddedFontClass ??= learnEmbeddedFontClass(faces[0])));
    installed = true;
  }
  fontsByPolicy.set(localAccessPolicy, new Map(faces.map((face) => [face.file, () => face.font()])));
}
