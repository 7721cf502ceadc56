import { clipText } from './clip-text.js';
import { cellColumn, lastFilledCell, type ExportLine } from './export-line.js';
import { ExportParseError } from './export-parse-error.js';
import type { LineReader } from './line-reader.js';

/** Printed amounts: `1,190,000.00` or `1190000.00` (DESIGN §3). */
const AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** Printed weights and percentages: `10`, `10.00`, `3.33`. */
const NUMBER = /^\d+(\.\d+)?$/;

export type CellKind = 'text' | 'amount' | 'number';

/**
 * One row of a table in the export, padded to the table's width. A required cell that is empty
 * on the form's last line means the export was cut off mid-row (E_EXPORT_TRUNCATED); anywhere
 * else the row is malformed.
 */
export class TableRow {
  private readonly cells: string[];

  constructor(
    private readonly reader: LineReader,
    readonly line: ExportLine,
    width: number,
    private readonly table: string,
    private readonly path: string,
  ) {
    const last = lastFilledCell(line);
    if (last >= width) {
      throw ExportParseError.malformed(
        line,
        cellColumn(line, width),
        `${table}的行最多 ${width} 列，此行多出“${clipText(line.cells[width] || line.cells[last])}”`,
        path,
      );
    }
    this.cells = Array.from({ length: width }, (_, k) => line.cells[k] ?? '');
  }

  /** The cell as printed (possibly empty). */
  cell(index: number): string {
    return this.cells[index];
  }

  /**
   * Checks that all of a row's required cells are filled, before any is checked for its form:
   * a row cut off mid-number must read as cut off, not as a bad number.
   */
  requirePresent(columns: ReadonlyArray<readonly [number, string]>): void {
    for (const [index, column] of columns) {
      if (this.cells[index].trim() !== '') continue;
      if (this.reader.atFormEnd()) throw ExportParseError.truncated(this.line, `“${column}”`, this.path);
      throw ExportParseError.malformed(this.line, cellColumn(this.line, index), `${this.table}缺少“${column}”`, this.path);
    }
  }

  /** The cell, which must be filled and, for amounts and numbers, be one. */
  required(index: number, column: string, kind: CellKind = 'text'): string {
    this.requirePresent([[index, column]]);
    const text = this.cells[index];
    const pattern = kind === 'amount' ? AMOUNT : kind === 'number' ? NUMBER : undefined;
    if (pattern && !pattern.test(text.trim())) {
      // The file ends inside this very cell: `19,` is what is left of `19,318,825.52`.
      if (this.reader.atFormEnd() && index === this.line.cells.length - 1) {
        throw ExportParseError.truncated(this.line, `“${column}”的其余部分`, this.path);
      }
      const col = cellColumn(this.line, index);
      throw ExportParseError.malformed(this.line, col, `“${column}”不是有效的数字：“${clipText(text)}”`, this.path);
    }
    return text;
  }

  /** A cell that may be empty but, when filled, must be a number. */
  optionalNumber(index: number, column: string): string {
    return this.cells[index].trim() === '' ? this.cells[index] : this.required(index, column, 'number');
  }
}
