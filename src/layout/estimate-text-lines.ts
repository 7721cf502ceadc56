import type { Points } from './layout-model.js';

/**
 * Advance of a character in em, erring wide: CJK, full-width forms and symbols (≥, —, （）) are
 * one em in every CJK face; Latin capitals up to ~0.75 em, other ASCII ~0.6 em (Noto Serif SC
 * Bold digits are 0.6). Erring wide makes the page estimate break early, never late.
 */
function advanceEm(char: string): number {
  const code = char.codePointAt(0)!;
  if (code === 0x20) return 0.3;
  if (code < 0x7f) return code >= 0x41 && code <= 0x5a ? 0.75 : 0.6;
  if (code < 0x2000) return 0.75;
  return 1;
}

/** Runs that a renderer keeps on one line: an ASCII word, or one CJK character (breakable anywhere). */
const PIECES = /[\x21-\x7e]+|\s|[\s\S]/gu;

/**
 * How many lines `text` takes in a column `width` points wide at `size` points, greedy like
 * pdfmake and Word: '\n' breaks, CJK wraps between any two characters, ASCII words wrap whole
 * (or by character when longer than a line). Text that wraps holds one em per line back for
 * the line-start rules (no line begins with `，` or `。`), which can push a character down.
 */
export function estimateTextLines(text: string, width: Points, size: Points, noWrap: boolean): number {
  const paragraphs = text.split('\n');
  if (noWrap) return paragraphs.length;
  const usable = Math.max(size, width - size);
  let lines = 0;
  for (const paragraph of paragraphs) {
    if (textWidth(paragraph, size) <= width) {
      lines++;
      continue;
    }
    let line = 0;
    let count = 1;
    for (const piece of paragraph.match(PIECES) ?? []) {
      const pieceWidth = textWidth(piece, size);
      if (line + pieceWidth <= usable || line === 0) {
        line += pieceWidth;
        // A word longer than a whole line wraps by character.
        while (line > usable && pieceWidth > usable) {
          count++;
          line -= usable;
        }
        continue;
      }
      if (/^\s$/.test(piece)) continue;
      count++;
      line = pieceWidth;
      while (line > usable) {
        count++;
        line -= usable;
      }
    }
    lines += count;
  }
  return lines;
}

function textWidth(text: string, size: Points): Points {
  return [...text].reduce((sum, char) => sum + advanceEm(char) * size, 0);
}
