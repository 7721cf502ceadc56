import type { Block, LayoutDocument } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import { pdfBlockHandlers } from './pdf-block-handlers.js';
import type { PdfRenderContext } from './pdf-render-context.js';
import type { Content, TDocumentDefinitions } from './pdfmake-internals.js';

function renderBlock(block: Block, context: PdfRenderContext): Content {
  // The mapped handler table guarantees the pairing; TypeScript cannot follow it through the union.
  const handler = pdfBlockHandlers[block.kind] as (block: Block, context: PdfRenderContext) => Content;
  return handler(block, context);
}

/**
 * Layout model → pdfmake document definition. `date` stands for both creation and
 * modification (the caller derives it from SOURCE_DATE_EPOCH), so the bytes are reproducible;
 * the identifier goes into the info dictionary because pdfkit derives /ID from it.
 */
export function pdfDocumentDefinition(doc: LayoutDocument, fonts: FontSet, date: Date): TDocumentDefinitions {
  const { page, meta } = doc;
  const { margins } = page;
  return {
    version: '1.7',
    pageSize: { width: page.width, height: page.height },
    pageOrientation: page.orientation,
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
    info: {
      title: meta.title,
      subject: meta.subject,
      author: meta.author,
      keywords: meta.keywords.join(', '),
      creator: 'ziping',
      producer: 'ziping (pdfmake)',
      creationDate: date,
      modDate: date,
      // A custom info key: pdfmake copies it through (name without spaces).
      Identifier: meta.identifier,
    } as TDocumentDefinitions['info'],
    // pdfmake's built-in default family is Roboto, which we do not ship; every node sets its font.
    defaultStyle: { font: fonts.faceFor({ role: 'body', bold: false }).family },
    content: doc.blocks.map((block) => renderBlock(block, { fonts })),
  };
}
