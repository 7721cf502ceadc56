import { breakLines } from './break-lines.js';
import type { Block, GridCell, LayoutDocument, Points, TableBlock, TextBlock } from './layout-model.js';
import type { TextMetrics } from './text-metrics.js';

/**
 * Room the layout leaves at the end of each line for the office programs, whose cell widths
 * are whole twips (1/20 pt) and whose shaping may set Latin a hair wider: a line broken here
 * then fits unchanged in Word, WPS and LibreOffice as in the PDF.
 */
const LINE_SLACK: Points = 0.5;

/**
 * Room held at each boundary of Chinese with Latin letters or digits: the DOCX turns autospace
 * off (w:autoSpaceDE/DN, which Word and WPS honour), but LibreOffice 7 ignores that and still
 * adds about a fifth of an em there; a quarter em (Word's own amount) keeps every line the
 * layout made on one line in all three. The PDF paints the text without it.
 */
const AUTOSPACE_EM = 0.25;
const SCRIPT_BOUNDARY = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef](?=[A-Za-z0-9])|[A-Za-z0-9](?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** A line's width as the office programs may set it: its advances and the autospace room. */
function officeWidth(text: string, style: GridCell['style'], metrics: TextMetrics): Points {
  const boundaries = text.match(SCRIPT_BOUNDARY)?.length ?? 0;
  return metrics.width(style, text) + boundaries * AUTOSPACE_EM * style.size;
}

/** Text width inside a cell spanning `colSpan` columns from `col`: its columns less both paddings and a rule. */
function cellTextWidth(table: TableBlock, col: number, colSpan: number): Points {
  const width = table.columns.slice(col, col + colSpan).reduce((sum, w) => sum + w, 0);
  return width - 2 * table.cellPadding.horizontal - table.borderWidth;
}

/**
 * Every text block and cell broken into its lines, from the faces' real widths: the one place
 * line breaks are decided. `nowrap` text keeps its own lines (a label too long for its column
 * is reported by overflowingLabels, never wrapped).
 */
export function decideLines(blocks: readonly Block[], contentWidth: Points, metrics: TextMetrics): Block[] {
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'text':
        return textLines(block, contentWidth, metrics);
      case 'spacer':
        return block;
      case 'table':
        return {
          ...block,
          rows: block.rows.map((row) => ({
            ...row,
            slots: row.slots.map((slot, col) => (slot.kind === 'cell' ? cellLines(slot, cellTextWidth(block, col, slot.colSpan), metrics) : slot)),
          })),
        };
    }
  });
}

function textLines(block: TextBlock, width: Points, metrics: TextMetrics): TextBlock {
  return { ...block, lines: linesOf(block.text, false, width, block.style, metrics), lineHeight: metrics.lineHeight(block.style) };
}

function cellLines(cell: GridCell, width: Points, metrics: TextMetrics): GridCell {
  return { ...cell, lines: linesOf(cell.text, cell.noWrap, width, cell.style, metrics), lineHeight: metrics.lineHeight(cell.style) };
}

function linesOf(text: string, noWrap: boolean, width: Points, style: GridCell['style'], metrics: TextMetrics): string[] {
  if (text === '') return [];
  if (noWrap) return text.split('\n');
  return breakLines(text, width - LINE_SLACK, (piece) => officeWidth(piece, style, metrics));
}

/** A `nowrap` label wider than its cell: it stays on one line and crosses the cell's rules. */
export interface OverflowingLabel {
  text: string;
  /** The line's width as the office programs may set it, and the room the cell has, in points. */
  width: Points;
  room: Points;
}

/**
 * The nowrap lines of a laid-out document that do not fit their cells (with the same slack and
 * autospace room the line breaker keeps): the template's column is too narrow for the label.
 * Each label once, however many pages repeat it.
 */
export function overflowingLabels(doc: LayoutDocument, metrics: TextMetrics): OverflowingLabel[] {
  const found = new Map<string, OverflowingLabel>();
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) {
      row.slots.forEach((slot, col) => {
        if (slot.kind !== 'cell' || !slot.noWrap) return;
        const room = cellTextWidth(block, col, slot.colSpan) - LINE_SLACK;
        for (const line of slot.lines) {
          const width = officeWidth(line, slot.style, metrics);
          if (width > room && !found.has(line)) found.set(line, { text: line, width, room });
        }
      });
    }
  }
  return [...found.values()];
}
