import { createRequire } from 'node:module';
import type { Points } from './layout-model.js';

interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}
/** UAX #14 break opportunities (the `linebreak` package, which pdfkit uses too). */
const LineBreakerClass = createRequire(import.meta.url)('linebreak') as new (text: string) => LineBreaker;

const TRAILING_SPACE = /\s+$/u;

/**
 * Lines of `text` in a column `width` points wide, filled greedily at UAX #14 break
 * opportunities. Those already carry the Chinese line-breaking rules (禁则): closing
 * punctuation `，。、；：？！）》」』` and `%` stay on the line before them, opening `（《「『`
 * on the line after; no space is added between Chinese and Latin or digits. '\n' breaks a
 * line; white space at a break is dropped; a piece wider than the whole column (a long run
 * with no break opportunity) is cut between characters, so nothing is ever wider than `width`
 * unless a single character is.
 */
export function breakLines(text: string, width: Points, measure: (text: string) => Points): string[] {
  return text.split('\n').flatMap((paragraph) => breakParagraph(paragraph, width, measure));
}

function breakParagraph(paragraph: string, width: Points, measure: (text: string) => Points): string[] {
  if (paragraph === '' || measure(paragraph) <= width) return [paragraph];
  const lines: string[] = [];
  let line = '';
  const breaker = new LineBreakerClass(paragraph);
  let last = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const piece = paragraph.slice(last, found.position);
    last = found.position;
    // Trailing white space may hang past the edge: it is dropped at the break. The line is
    // measured whole, so what the measure adds between pieces (autospace room) counts too.
    const inked = piece.replace(TRAILING_SPACE, '');
    if (line !== '' && measure(line + inked) > width) {
      lines.push(line.replace(TRAILING_SPACE, ''));
      line = '';
    }
    if (line === '' && measure(inked) > width) {
      // Wider than a whole line: cut between characters, the last part starts the next line.
      const parts = cutCharacters(piece, width, measure);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1]!;
      continue;
    }
    line += piece;
  }
  if (line.replace(TRAILING_SPACE, '') !== '' || lines.length === 0) lines.push(line.replace(TRAILING_SPACE, ''));
  return lines;
}

function cutCharacters(piece: string, width: Points, measure: (text: string) => Points): string[] {
  const parts: string[] = [];
  let part = '';
  for (const char of piece) {
    if (part !== '' && measure(part + char) > width) {
      parts.push(part);
      part = '';
    }
    part += char;
  }
  parts.push(part);
  return parts;
}
