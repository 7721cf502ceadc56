import { createRequire } from 'node:module';
import type { TextMeasure } from './register-font-cache.js';

interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}
/** The UAX #14 line breaker pdfmake's TextBreaker uses (same package, same break opportunities). */
const LineBreakerClass = createRequire(import.meta.url)('linebreak') as new (text: string) => LineBreaker;

const LEADING = /^\s+/;
const TRAILING = /\s+$/;

/**
 * The lines pdfmake would break `text` into in a column `maxWidth` points wide, given its own
 * measure of a piece of text: words at the same break opportunities, filled greedily with the
 * same test (pdfmake's Line.hasEnoughSpaceForInline, leading and trailing white space cut).
 * Null where pdfmake would do more than fill words into lines — a line break in the text, a
 * word that does not fit where it lands (pdfmake then cuts the word) — or where a line shaped
 * whole would differ from its words shaped one by one (kerning or a ligature across a break,
 * such as "第" and "1"), so the caller leaves that text to pdfmake.
 */
export function breakLines(text: string, measure: TextMeasure, maxWidth: number): string[] | null {
  const width = measure.width;
  if (text === '' || /[\r\n\u2028\u2029\v\f\u0085]/.test(text)) return null;
  const breaker = new LineBreakerClass(text);
  const lines: string[] = [];
  // pdfmake's Line: the words so far, their widths, and the white space cut at either end.
  let line = '';
  let words: string[] = [];
  let inlineWidths = 0;
  let leadingCut = 0;
  let trailingCut = 0;
  let last = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    if (found.required && found.position < text.length) return null;
    const word = text.slice(last, found.position);
    last = found.position;
    const wordWidth = width(word);
    const wordLeadingCut = LEADING.test(word) ? width(LEADING.exec(word)![0]) : 0;
    const wordTrailingCut = TRAILING.test(word) ? width(TRAILING.exec(word)![0]) : 0;
    if (line !== '' && inlineWidths + wordWidth - leadingCut - wordTrailingCut > maxWidth) {
      if (!measure.shapesAsPieces(line, words)) return null;
      lines.push(line);
      line = '';
      words = [];
      inlineWidths = leadingCut = trailingCut = 0;
    }
    // pdfmake cuts a word wider than what is left of the line.
    if (word.length > 1 && wordWidth > maxWidth - (inlineWidths - leadingCut - trailingCut)) return null;
    if (line === '') leadingCut = wordLeadingCut;
    trailingCut = wordTrailingCut;
    line += word;
    words.push(word);
    inlineWidths += wordWidth;
  }
  if (line !== '') {
    if (!measure.shapesAsPieces(line, words)) return null;
    lines.push(line);
  }
  return lines;
}
