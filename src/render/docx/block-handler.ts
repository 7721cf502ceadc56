import type { Paragraph, Table } from 'docx';
import type { Block, TextStyle } from '../../layout/layout-model.js';
import type { CellShapes } from './cell-shapes.js';

/** What a block handler needs besides its block. */
export interface DocxRenderContext {
  /** The run font family for a style. */
  fontFamily(style: Pick<TextStyle, 'role'>): string;
  /** The document defaults (styles.xml docDefaults); runs only say where they differ, which keeps document.xml small and fast to write. */
  defaults: { family: string; size: number };
  /** Prepared XML per cell shape, kept across the documents of one renderer. */
  cellShapes: CellShapes;
}

/** Turns one layout block into body content. Builds fresh docx objects on every call (docx mutates tables). */
export type BlockHandler<B extends Block = Block> = (block: B, context: DocxRenderContext) => (Paragraph | Table)[];
