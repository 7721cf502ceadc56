import type { LayoutDocument, TextStyle } from './layout-model.js';

/** Every piece of text the document prints, with its style, in document order. */
export function* styledTexts(doc: LayoutDocument): Generator<{ text: string; style: TextStyle }> {
  for (const block of doc.blocks) {
    if (block.kind === 'text') yield { text: block.text, style: block.style };
    if (block.kind === 'table') {
      for (const row of block.rows) {
        for (const slot of row.slots) if (slot.kind === 'cell') yield { text: slot.text, style: slot.style };
      }
    }
  }
}
