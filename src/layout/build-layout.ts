import type { Block, LayoutDocument, PageSetup, TextBlock } from './layout-model.js';
import { buildTable } from './build-table.js';
import { paginateTables } from './paginate-tables.js';
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
    style: own.style,
    align: own.align,
    spaceBefore: attributes.number('space-before', 0),
    spaceAfter: attributes.number('space-after', 0),
  };
}

/**
 * The markup tree of one rendered template → the layout model. The root holds one
 * `<document>` with an optional `<page/>` and then `<text>`, `<spacer/>` and `<table>` blocks.
 */
export function buildLayout(root: MarkupElement): LayoutDocument {
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
  const [pageWidth] = page.orientation === 'landscape' ? [page.height] : [page.width];
  const contentWidth = pageWidth - page.margins.left - page.margins.right;
  const defaults = inheritCellDefaults(document, BASE_DEFAULTS);
  // `<table paginate>`: the layout stage places its page breaks (see paginate-tables).
  const paginated = new Set<number>();
  const blocks: Block[] = elements.flatMap((element): Block[] => {
    switch (element.name) {
      case 'page':
        return [];
      case 'text':
        return [buildText(element, defaults)];
      case 'spacer':
        return [{ kind: 'spacer', height: new ElementAttributes(element).number('height', 6) }];
      case 'table':
        if (new ElementAttributes(element).flag('paginate', false)) paginated.add(elements.filter((e) => e.name !== 'page').indexOf(element));
        return [buildTable(element, contentWidth, defaults)];
      default:
        throw new MarkupError(`未知标签 <${element.name}>`, element.line);
    }
  });
  return {
    kind: 'document',
    page,
    meta: {
      title: attributes.string('title', ''),
      subject: attributes.string('subject', ''),
      author: attributes.string('author', ''),
      identifier: attributes.string('identifier', ''),
      keywords: attributes.string('keywords', '').split(/[,，]/).map((k) => k.trim()).filter(Boolean),
    },
    blocks: paginated.size > 0 ? paginateTables(blocks, page, paginated) : blocks,
  };
}
