import { ExportParseError } from './export-parse-error.js';
import { clipText } from './clip-text.js';
import { cellColumn, lastFilledCell, type ExportLine } from './export-line.js';
import { matchTitle } from './match-title.js';
import { normaliseLabel } from './normalise-label.js';

/**
 * Walks one form's lines, skipping the export's blank spacer lines. A form ends at the end of
 * the file or at the next title, so "no next line" and "next line is a title" both mean the
 * form was cut off.
 */
export class LineReader {
  private index: number;
  /** The last non-blank line taken: where a cut-off form stops. */
  lastTaken: ExportLine;
  /** Data entry (see ParseExportOptions.allowEntry): the cells ziping computes may be empty. */
  computedOptional = false;

  constructor(
    private readonly lines: ExportLine[],
    titleIndex: number,
  ) {
    this.index = titleIndex + 1;
    this.lastTaken = lines[titleIndex];
  }

  /** Index of the first line not yet taken (blank lines before it included). */
  get position(): number {
    return this.index;
  }

  /** The next non-blank line of this form, or undefined at the end of the file or the next title. */
  peek(): ExportLine | undefined {
    let k = this.index;
    while (k < this.lines.length && this.lines[k].blank) k++;
    const line = this.lines[k];
    return line && !matchTitle(line) ? line : undefined;
  }

  take(): ExportLine | undefined {
    const line = this.peek();
    if (!line) return undefined;
    this.index = line.number; // numbers are 1-based, so this is the index just past it
    this.lastTaken = line;
    return line;
  }

  /** Takes the next line, or throws E_EXPORT_TRUNCATED naming what was expected. */
  require(expected: string, path = ''): ExportLine {
    const line = this.take();
    if (!line) throw ExportParseError.truncated(this.lastTaken, expected, path);
    return line;
  }

  /** True when the next line is the section title `label`. */
  nextIs(label: string): boolean {
    const line = this.peek();
    return line !== undefined && normaliseLabel(line.text) === normaliseLabel(label);
  }

  /** True when the form has no line after the last one taken: a short row there was cut off. */
  atFormEnd(): boolean {
    return this.peek() === undefined;
  }

  /** Takes the section title `label` (`资金情况`, `绩效目标`, `绩效指标`). */
  requireSection(label: string, path: string): ExportLine {
    const line = this.require(`“${label}”`, path);
    if (normaliseLabel(line.text) !== normaliseLabel(label)) {
      throw this.mismatch(line, 1, `此处应为“${label}”，实为“${clipText(line.text)}”`, label, line.text, path);
    }
    return line;
  }

  /** Takes a table's column header line and checks every column label (either punctuation width). */
  requireColumns(columns: readonly string[], table: string, path: string): ExportLine {
    const line = this.require(`${table}的表头`, path);
    const width = Math.max(columns.length, lastFilledCell(line) + 1);
    for (let k = 0; k < width; k++) {
      const found = line.cells[k] ?? '';
      const wanted = columns[k] ?? '';
      if (normaliseLabel(found) !== normaliseLabel(wanted)) {
        const message = wanted
          ? `${table}表头第 ${k + 1} 列应为“${wanted}”，实为“${clipText(found)}”`
          : `${table}表头多出第 ${k + 1} 列“${clipText(found)}”`;
        const cutOff = line.cells.slice(k + 1).every((cell) => cell.trim() === '');
        throw cutOff
          ? this.mismatch(line, cellColumn(line, k), message, wanted, found, path)
          : ExportParseError.malformed(line, cellColumn(line, k), message, path);
      }
    }
    return line;
  }

  /**
   * The error for a line that is not the expected label: if it is the start of that label and
   * nothing of the form follows, the export was cut off inside it; otherwise it is malformed.
   */
  mismatch(line: ExportLine, col: number, message: string, expected: string, found: string, path: string): ExportParseError {
    const start = normaliseLabel(found);
    if (this.atFormEnd() && normaliseLabel(expected).startsWith(start)) {
      return ExportParseError.truncated(line, `“${expected}”`, path);
    }
    return ExportParseError.malformed(line, col, message, path);
  }
}
