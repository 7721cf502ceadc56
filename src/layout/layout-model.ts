/**
 * The layout model: the one interface between templates and renderers.
 * Closed unions, exact units (points, 1/72 inch), no 绩效 vocabulary.
 * Renderers import only this file (and the shared font module).
 */

export type Points = number;

export type FontRole = 'title' | 'label' | 'body' | 'number';
export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface PageSetup {
  /** Physical size in points, portrait (A4 = 595.28 × 841.89). */
  width: Points;
  height: Points;
  orientation: 'portrait' | 'landscape';
  margins: { top: Points; right: Points; bottom: Points; left: Points };
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  /** Distinguishes documents that share a title (e.g. the project code); goes into the PDF info. */
  identifier: string;
  keywords: string[];
}

/** Font face + size + weight for a run of text. */
export interface TextStyle {
  role: FontRole;
  size: Points;
  bold: boolean;
}

export interface TextBlock {
  kind: 'text';
  /** Literal text; '\n' is a line break. */
  text: string;
  /** The lines the layout broke `text` into (see decideLines); renderers paint these, never re-break. */
  lines: string[];
  /** Height of each line in points (the face's ascender to descender at this size). */
  lineHeight: Points;
  style: TextStyle;
  align: HorizontalAlign;
  spaceBefore: Points;
  spaceAfter: Points;
  /** The layout moved the block to a new page (it did not fit below what came before). */
  pageBreakBefore?: boolean;
}

export interface SpacerBlock {
  kind: 'spacer';
  height: Points;
}

export interface CellBorders {
  top: boolean;
  right: boolean;
  bottom: boolean;
  left: boolean;
}

/** A cell that starts at this grid position. */
export interface GridCell {
  kind: 'cell';
  text: string;
  /** The lines the layout broke `text` into for the cell's width (see decideLines); renderers paint these. */
  lines: string[];
  /** Height of each line in points (the face's ascender to descender at this size). */
  lineHeight: Points;
  style: TextStyle;
  align: HorizontalAlign;
  valign: VerticalAlign;
  colSpan: number;
  rowSpan: number;
  /** Never break the text inside a word/label (it must fit its column). */
  noWrap: boolean;
  /** Background fill as `#rrggbb`, or null. */
  fill: string | null;
  borders: CellBorders;
}

/** A grid position covered by a span that starts at (row, col) of the same table. */
export interface CoveredCell {
  kind: 'covered';
  row: number;
  col: number;
}

export type GridSlot = GridCell | CoveredCell;

export interface TableRow {
  /** Exactly one slot per column: spans are already resolved (see resolve-grid). */
  slots: GridSlot[];
  /** The row may not be split across a page break. */
  cantSplit: boolean;
  /** Minimum height, or 0 for automatic. */
  minHeight: Points;
  /**
   * The height the layout gave the row: its tallest single-row cell (lines × line height and
   * the paddings) or `minHeight`, grown where a rowSpan cell needs more, plus the rule below.
   */
  height: Points;
  /**
   * A new page starts before this body row, and the header rows repeat above it. Set by the
   * layout stage, which decides every page break; no rowSpan crosses such a row — a merged
   * cell cut there continues below it as a cell of its own with the same text.
   */
  pageBreakBefore?: boolean;
  /** Never the last row of a page: a page break before the next row moves before this one (a band or a header row). */
  keepWithNext?: boolean;
  /**
   * A header inside the body (`<tr repeat>`): where the layout breaks a page below it, a copy
   * of it starts the next page (before the 9 indicator columns of the national form, say).
   */
  repeat?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Absolute column widths; they add up to the content width of the page. */
  columns: Points[];
  /** The first `headerRows` rows repeat at the top of each page the table continues on. */
  headerRows: number;
  /** Keep the first `keepWithHeaderRows` body rows on the same page as the header. */
  keepWithHeaderRows: number;
  rows: TableRow[];
  borderWidth: Points;
  borderColor: string;
  cellPadding: { horizontal: Points; vertical: Points };
  spaceBefore: Points;
  spaceAfter: Points;
  /** The layout moved the table to a new page (its header and first rows did not fit below what came before). */
  pageBreakBefore?: boolean;
}

export type Block = TextBlock | SpacerBlock | TableBlock;
export type BlockKind = Block['kind'];

export interface LayoutDocument {
  kind: 'document';
  page: PageSetup;
  meta: DocumentMeta;
  blocks: Block[];
  /** The pages the layout filled; a renderer that needs another page has not followed it. */
  pages: number;
}

/**
 * A renderer's account of a document it wrote: every piece of text that is in the file, in
 * the order it was painted (a PDF: each line drawn inside its page; a DOCX: each paragraph).
 * The build compares it with the document (see `unplacedCells`) before it writes a byte.
 */
export interface PlacedText {
  pieces: string[];
}

/** A file and what its renderer placed in it. */
export interface RenderedFile {
  bytes: Uint8Array;
  placed: PlacedText;
}
