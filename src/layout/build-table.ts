import type { GridCell, Points, TableBlock } from './layout-model.js';
import { columnWidths } from './column-widths.js';
import { ElementAttributes, elementText, inheritCellDefaults, type CellDefaults } from './markup/element-attributes.js';
import { MarkupError, type MarkupElement } from './markup/parse-markup.js';
import { resolveGrid, type UnplacedRow } from './resolve-grid.js';

const ALL_BORDERS = { top: true, right: true, bottom: true, left: true };

function elementChildren(element: MarkupElement, allowed: string): MarkupElement[] {
  return element.children.flatMap((child) => {
    if (child.name === '#text') {
      if ((child as { text: string }).text.trim() !== '') {
        throw new MarkupError(`<${element.name}> 里的文字应放在 <${allowed}> 中`, child.line);
      }
      return [];
    }
    if (child.name !== allowed) throw new MarkupError(`<${element.name}> 里只能有 <${allowed}>，不能有 <${child.name}>`, child.line);
    return [child as MarkupElement];
  });
}

function buildCell(td: MarkupElement, defaults: CellDefaults): GridCell {
  const attributes = new ElementAttributes(td);
  const own = inheritCellDefaults(td, defaults);
  const colSpan = attributes.number('colspan', 1);
  const rowSpan = attributes.number('rowspan', 1);
  if (!Number.isInteger(colSpan) || colSpan < 1 || !Number.isInteger(rowSpan) || rowSpan < 1) {
    attributes.fail('colspan/rowspan 应为正整数');
  }
  return {
    kind: 'cell',
    text: elementText(td),
    // Broken into lines once the cell's width and the fonts are known (see decideLines).
    lines: [],
    lineHeight: 0,
    style: own.style,
    align: own.align,
    valign: own.valign,
    colSpan,
    rowSpan,
    noWrap: own.noWrap,
    fill: own.fill,
    borders: attributes.string('border', '') === 'none' ? { top: false, right: false, bottom: false, left: false } : ALL_BORDERS,
  };
}

function readColumns(attributes: ElementAttributes, contentWidth: Points): Points[] {
  try {
    return columnWidths(attributes.string('cols', ''), contentWidth);
  } catch (error) {
    return attributes.fail((error as Error).message);
  }
}

/** `<table cols="…" header-rows="2">` with `<tr>`/`<td>` → a table block on a resolved grid. */
export function buildTable(table: MarkupElement, contentWidth: Points, defaults: CellDefaults): TableBlock {
  const attributes = new ElementAttributes(table);
  if (!attributes.has('cols')) attributes.fail('缺少 cols 属性（列宽）');
  const columns = readColumns(attributes, contentWidth);
  const tableDefaults = inheritCellDefaults(table, defaults);
  const rows: UnplacedRow[] = elementChildren(table, 'tr').map((tr) => {
    const rowAttributes = new ElementAttributes(tr);
    const rowDefaults = inheritCellDefaults(tr, tableDefaults);
    return {
      cells: elementChildren(tr, 'td').map((td) => buildCell(td, rowDefaults)),
      cantSplit: rowAttributes.flag('cant-split', attributes.flag('cant-split', false)),
      minHeight: rowAttributes.number('min-height', 0),
      keepWithNext: rowAttributes.flag('keep-with-next', false),
      repeat: rowAttributes.flag('repeat', false),
      line: tr.line,
    };
  });
  const padding = attributes.box('padding', [2, 3, 2, 3]);
  return {
    kind: 'table',
    columns,
    headerRows: attributes.number('header-rows', 0),
    keepWithHeaderRows: attributes.number('keep-with-header', 0),
    rows: resolveGrid(rows, columns.length),
    borderWidth: attributes.number('border', 0.5),
    borderColor: attributes.string('border-color', '#000000'),
    cellPadding: { vertical: padding[0], horizontal: padding[1] },
    spaceBefore: attributes.number('space-before', 0),
    spaceAfter: attributes.number('space-after', 0),
  };
}
