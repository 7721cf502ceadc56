import type { LayoutDocument, PlacedText } from './layout-model.js';

/** A cell (or a text block, `row` and `column` null) whose text its file lacks, wholly or in part. */
export interface UnplacedCell {
  block: number;
  row: number | null;
  column: number | null;
  text: string;
  /** Part of the text is in the file (the rest of its lines were lost), rather than none. */
  partly: boolean;
}

const squeeze = (text: string) => text.replace(/\s+/gu, '');

interface Expected {
  block: number;
  row: number | null;
  column: number | null;
  text: string;
  squeezed: string;
}

function expectedTexts(doc: LayoutDocument): Expected[] {
  const expected: Expected[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'text') {
      expected.push({ block: index, row: null, column: null, text: block.text, squeezed: squeeze(block.text) });
    } else if (block.kind === 'table') {
      block.rows.forEach((row, rowIndex) =>
        row.slots.forEach((slot, column) => {
          if (slot.kind === 'cell') expected.push({ block: index, row: rowIndex, column, text: slot.text, squeezed: squeeze(slot.text) });
        }),
      );
    }
  });
  return expected.filter((item) => item.squeezed !== '');
}

/**
 * The cells of `doc` whose text is not all in `placed` — the check behind "a build either
 * prints all of the form or fails": a renderer that lost a row (pdfmake drops a row taller
 * than a page) is caught here, whatever the cause.
 *
 * Cells are matched in document order, white space ignored (lines break inside cells). A
 * cell's first piece is the first unused one, from its predecessor's on, that begins its
 * text; its next piece is the one right after, or — when a row continues on the next page
 * and each column paints its remaining lines there — the first unused one further on that
 * continues it. Header rows repeat on each page a table continues on: those repeats stay
 * unused, between the cells they separate.
 */
export function unplacedCells(doc: LayoutDocument, placed: PlacedText): UnplacedCell[] {
  const pieces = placed.pieces.map(squeeze);
  const used = pieces.map((piece) => piece === '');
  const continues = (index: number, rest: string) => !used[index] && rest.startsWith(pieces[index]);
  const firstFrom = (index: number, rest: string) => {
    while (index < pieces.length && !continues(index, rest)) index++;
    return index < pieces.length ? index : -1;
  };
  const unplaced: UnplacedCell[] = [];
  let from = 0;
  for (const cell of expectedTexts(doc)) {
    let rest = cell.squeezed;
    const start = firstFrom(from, rest);
    let last = start;
    while (last >= 0) {
      used[last] = true;
      rest = rest.slice(pieces[last].length);
      if (rest === '') break;
      last = last + 1 < pieces.length && continues(last + 1, rest) ? last + 1 : firstFrom(last + 1, rest);
    }
    if (rest !== '') unplaced.push({ block: cell.block, row: cell.row, column: cell.column, text: cell.text, partly: rest !== cell.squeezed });
    if (start >= 0) from = start;
  }
  return unplaced;
}
