import { cellColumn, type ExportLine } from '../export-line.js';
import { columnLetters } from './cell-reference.js';
import type { WorkbookSheet } from './read-workbook.js';

/** A sheet as export lines (row = line, column = tab cell), and the way back to cells. */
export interface SheetLines {
  lines: ExportLine[];
  /** The 1-based column and `D12` reference for a parser position (line, character column). */
  cellAt(line: number, col: number): { column: number; cell: string };
}

/**
 * Every row from 1 to the last filled one becomes a line (empty rows are the export's blank
 * lines, so line numbers are row numbers), its cells from the sheet's first used column on:
 * a form drawn one column in still reads.
 */
export function sheetLines(sheet: WorkbookSheet): SheetLines {
  const first = Math.min(...sheet.cells.map((c) => c.column));
  const lastRow = Math.max(0, ...sheet.cells.map((c) => c.row));
  const rows: string[][] = Array.from({ length: lastRow }, () => []);
  for (const cell of sheet.cells) rows[cell.row - 1][cell.column - first] = cell.text;
  const lines = rows.map((cells, index): ExportLine => {
    const filled = Array.from({ length: cells.length }, (_, k) => cells[k] ?? '');
    const text = filled.join('\t');
    return { number: index + 1, text, cells: filled.length === 0 ? [''] : filled, blank: text.trim() === '' };
  });
  return {
    lines,
    cellAt(lineNumber, col) {
      const line = lines[lineNumber - 1];
      let index = 0;
      if (line) {
        index = line.cells.length;
        for (let k = 0; k < line.cells.length; k++) {
          if (cellColumn(line, k) > col) break;
          index = k;
        }
        if (col > [...line.text].length && line.text !== '') index = line.cells.length;
      }
      const column = index + (Number.isFinite(first) ? first : 1);
      return { column, cell: `${columnLetters(column)}${lineNumber}` };
    },
  };
}
