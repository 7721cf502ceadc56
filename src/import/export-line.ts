/** One physical line of the export, split into its tab-separated cells. */
export interface ExportLine {
  /** 1-based. */
  number: number;
  text: string;
  cells: string[];
  /** Only whitespace (tabs included): the export's spacer lines. */
  blank: boolean;
}

/** Splits on LF, CRLF or CR; a final line break does not start an extra line. */
export function splitExportLines(text: string): ExportLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const texts = body.split(/\r\n|\r|\n/);
  if (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  return texts.map((lineText, index) => ({
    number: index + 1,
    text: lineText,
    cells: lineText.split('\t'),
    blank: lineText.trim() === '',
  }));
}

/** 1-based column (in characters) where cell `index` starts, or just past the line's end. */
export function cellColumn(line: ExportLine, index: number): number {
  let col = 1;
  for (let k = 0; k < index && k < line.cells.length; k++) col += [...line.cells[k]].length + 1;
  return index >= line.cells.length ? [...line.text].length + 1 : col;
}

/** Index of the last cell with text, -1 for none (exports pad rows with trailing tabs). */
export function lastFilledCell(line: ExportLine): number {
  for (let k = line.cells.length - 1; k >= 0; k--) if (line.cells[k].trim() !== '') return k;
  return -1;
}
