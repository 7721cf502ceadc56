import { Document, PageOrientation, type Paragraph, type Table } from 'docx';
import type { Block, LayoutDocument, RenderedFile } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import type { BlockHandler, DocxRenderContext } from './block-handler.js';
import { blockHandlers } from './block-handlers.js';
import type { DocxFontMode } from './docx-font-mode.js';
import { planDocxFonts } from './docx-font-plan.js';
import { DocxUnits } from './docx-units.js';
import { dominantStyle } from './dominant-style.js';
import { createFontSubsetter } from './font-subsetter.js';
import { compileDocxParts } from './docx-internals.js';
import { packDocx } from './pack-docx.js';
import { withoutAutospace } from './no-autospace.js';
import { createDeflateCache } from '../zip/write-zip.js';
import { useLinearAttributes } from './linear-attributes.js';
import { createCellShapes } from './cell-shapes.js';
import { writtenParagraphs } from './written-paragraphs.js';

export type { DocxFontMode } from './docx-font-mode.js';

export interface DocxRenderOptions {
  /** Written as the document's created/modified time and the zip entries' dates. */
  date: Date;
  /**
   * 'embed': subsets of the configured faces travel in the file; 'system': runs name the
   * office PCs' faces (宋体/黑体), nothing embedded. Default: the font config's `docxFonts` ('embed').
   */
  fontMode?: DocxFontMode;
}

export interface DocxRenderer {
  /** Same document, date and mode → same bytes; `placed` is every paragraph written. */
  render(doc: LayoutDocument, options: DocxRenderOptions): Promise<RenderedFile>;
}

/**
 * Build once, render many: the renderer keeps each font face parsed for subsetting across
 * documents (a CJK face costs ~0.25 s to prepare, then ~1 ms per document).
 */
export function createDocxRenderer(options: { fonts: FontSet }): DocxRenderer {
  const { fonts } = options;
  useLinearAttributes();
  const subsetter = createFontSubsetter();
  const deflateCache = createDeflateCache();
  const cellShapes = createCellShapes();
  return {
    async render(doc, { date, fontMode = fonts.docxFonts }) {
      const plan = await planDocxFonts(doc, fonts, fontMode, subsetter);
      const dominant = dominantStyle(doc);
      const defaults = { family: plan.familyFor(dominant), size: dominant.size };
      const context: DocxRenderContext = { fontFamily: plan.familyFor, defaults, cellShapes };
      const children = doc.blocks.flatMap((block) => renderBlock(block, context));
      const { family } = defaults;
      const { page, meta } = doc;
      const document = new Document({
        title: meta.title,
        subject: meta.subject,
        creator: meta.author,
        lastModifiedBy: meta.author,
        keywords: meta.keywords.join('; '),
        description: meta.identifier,
        fonts: plan.embedded,
        styles: {
          default: {
            document: {
              run: { font: { ascii: family, hAnsi: family, eastAsia: family, cs: family, hint: 'eastAsia' }, size: DocxUnits.halfPoints(defaults.size) },
              paragraph: { spacing: { before: 0, after: 0 } },
            },
          },
        },
        sections: [
          {
            properties: {
              page: {
                // Portrait width/height plus the orientation: docx swaps them for landscape.
                size: {
                  width: DocxUnits.dxa(page.width),
                  height: DocxUnits.dxa(page.height),
                  orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
                },
                margin: {
                  top: DocxUnits.dxa(page.margins.top),
                  right: DocxUnits.dxa(page.margins.right),
                  bottom: DocxUnits.dxa(page.margins.bottom),
                  left: DocxUnits.dxa(page.margins.left),
                },
              },
            },
            children,
          },
        ],
      });
      const parts = compileDocxParts(document);
      parts.set('word/styles.xml', withoutAutospace(parts.get('word/styles.xml') as string));
      const placed = writtenParagraphs(parts.get('word/document.xml') as string);
      return { bytes: packDocx(parts, date, plan, deflateCache), placed };
    },
  };
}

function renderBlock(block: Block, context: DocxRenderContext): (Paragraph | Table)[] {
  // The table is keyed by kind, so the handler and block always agree; TypeScript cannot see that through the union.
  const handler = blockHandlers[block.kind] as BlockHandler;
  return handler(block, context);
}
