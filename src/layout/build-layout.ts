import type { Block, LayoutDocument, PageSetup, TextBlock } from './layout-model.js';
import { buildTable } from './build-table.js';
import { decideLines } from './decide-lines.js';
import { mergeStackedTables } from './merge-stacked-tables.js';
import { contentBox, paginate } from './paginate-tables.js';
import type { TextMetrics } from './text-metrics.js';
import { ElementAttributes, elementText, inheritCellDefaults, type CellDefaults } from './markup/element-attributes.js';
import { MarkupError, type MarkupElement } from './markup/parse-markup.js';

/** Paper sizes in points, portrait. */
const PAPER: Record<string, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
  B5: [498.9, 708.66],
  LETTER: [612, 792],
};

const BASE_DEFAULTS: CellDefaults = {
  style: { role: 'body', size: 10, bold: false },
  align: 'left',
  valign: 'middle',
  noWrap: false,
  fill: null,
};

function buildPage(page: MarkupElement | undefined): PageSetup {
  const attributes = new ElementAttributes(page ?? { name: 'page', attributes: {}, children: [], line: 1 });
  const size = attributes.string('size', 'A4').toUpperCase();
  const paper = PAPER[size];
  if (!paper) attributes.fail(`未知纸张 size="${size}"（支持 ${Object.keys(PAPER).join('、')}）`);
  const [top, right, bottom, left] = attributes.box('margin', [36, 36, 36, 36]);
  return {
    width: paper[0],
    height: paper[1],
    orientation: attributes.oneOf('orientation', ['portrait', 'landscape'] as const, 'portrait'),
    margins: { top, right, bottom, left },
  };
}

function buildText(element: MarkupElement, defaults: CellDefaults): TextBlock {
  const attributes = new ElementAttributes(element);
  const own = inheritCellDefaults(element, defaults);
  return {
    kind: 'text',
    text: elementText(element),
    // Broken into lines once the fonts are known (see decideLines).
    lines: [],
    lineHeight: 0,
    style: own.style,
    align: own.align,
    spaceBefore: attributes.number('space-before', 0),
    spaceAfter: attributes.number('space-after', 0),
  };
}

/**
 * The markup tree of one rendered template → the layout model. The root holds one
 * `<document>` with an optional `<page/>` and then `<text>`, `<spacer/>` and `<table>` blocks.
 * Every line break, row height and page break is decided here, from `metrics`.
 */
export function buildLayout(root: MarkupElement, metrics: TextMetrics): LayoutDocument {
  const documents = root.children.filter((child): child is MarkupElement => child.name === 'document');
  if (documents.length !== 1) throw new MarkupError('模板应包含且只包含一个 <document>', 1);
  const document = documents[0];
  const attributes = new ElementAttributes(document);
  const elements = document.children.filter((child): child is MarkupElement => {
    if (child.name === '#text' && (child as { text: string }).text.trim() !== '') {
      throw new MarkupError('<document> 里的文字应放在 <text> 中', child.line);
    }
    return child.name !== '#text';
  });
  const page = buildPage(elements.find((element) => element.name === 'page'));
  const contentWidth = contentBox(page).width;
  const defaults = inheritCellDefaults(document, BASE_DEFAULTS);
  const blocks: Block[] = elements.flatMap((element): Block[] => {
    switch (element.name) {
      case 'page':
        return [];
      case 'text':
        return [buildText(element, defaults)];
      case 'spacer':
        return [{ kind: 'spacer', height: new ElementAttributes(element).number('height', 6) }];
      case 'table':
        // `paginate` (once the only tables the layout broke) is accepted and means what every table now gets.
        return [buildTable(element, contentWidth, defaults)];
      default:
        throw new MarkupError(`未知标签 <${element.name}>`, element.line);
    }
  });
  const draft: LayoutDocument = {
    kind: 'document',
    page,
    meta: {
      title: attributes.string('title', ''),
      subject: attributes.string('subject', ''),
      author: attributes.string('author', ''),
      identifier: attributes.string('identifier', ''),
      keywords: attributes.string('keywords', '').split(/[,，]/).map((k) => k.trim()).filter(Boolean),
    },
    blocks: mergeStackedTables(blocks),
    pages: 0,
  };
  return decideLayout(draft, metrics);
}

/**
 * A layout document whose blocks are built (by buildLayout, or by hand) with every line, row
 * height and page break decided from `metrics`: its `lines`, row `height`s and `pages` are
 * set here, whatever they held.
 */
export function decideLayout(doc: LayoutDocument, metrics: TextMetrics): LayoutDocument {
  return { ...doc, ...paginate(decideLines(doc.blocks, contentBox(doc.page).width, metrics), doc.page) };
}
