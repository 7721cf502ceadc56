import type { LayoutDocument, TextStyle } from '../../layout/layout-model.js';
import type { FontSet } from './font-set.js';

/** A character the face chosen for its text cannot draw (PDF renderers would show nothing). */
export interface MissingGlyph {
  char: string;
  /** `U+4E00`, `U+1F600`. */
  codePoint: string;
  /** Where it is, for the user: `第 3 个表格第 5 行第 2 列` or `第 1 个文字块` (1-based). */
  where: string;
  /** The whole text of that cell or block. */
  text: string;
}

/** Line breaks and blanks are layout, not glyphs to draw. */
const LAYOUT_CHARACTERS = new Set(['\n', '\r', '\t', ' ']);

function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function missingIn(text: string, style: Pick<TextStyle, 'role' | 'bold'>, fonts: FontSet, where: string): MissingGlyph[] {
  const face = fonts.faceFor(style);
  const seen = new Set<string>();
  const missing: MissingGlyph[] = [];
  for (const char of text) {
    if (LAYOUT_CHARACTERS.has(char) || seen.has(char)) continue;
    seen.add(char);
    if (!face.hasChar(char)) missing.push({ char, codePoint: codePointLabel(char), where, text });
  }
  return missing;
}

/**
 * Every character (each once per cell or block, in reading order) that the face serving its
 * text lacks. Renderer-neutral: the build checks this before writing any file.
 */
export function findMissingGlyphs(doc: LayoutDocument, fonts: FontSet): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  let tables = 0;
  let texts = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'text') {
      texts += 1;
      missing.push(...missingIn(block.text, block.style, fonts, `第 ${texts} 个文字块`));
    } else if (block.kind === 'table') {
      tables += 1;
      block.rows.forEach((row, rowIndex) => {
        row.slots.forEach((slot, column) => {
          if (slot.kind !== 'cell') return;
          const where = `第 ${tables} 个表格第 ${rowIndex + 1} 行第 ${column + 1} 列`;
          missing.push(...missingIn(slot.text, slot.style, fonts, where));
        });
      });
    }
  }
  return missing;
}
