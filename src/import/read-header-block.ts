import { clipText } from './clip-text.js';
import { ExportLabel, type HeaderField } from './export-labels.js';
import { cellColumn, type ExportLine } from './export-line.js';
import { ExportParseError } from './export-parse-error.js';
import type { ExportedForm } from './exported-form.js';
import type { LineReader } from './line-reader.js';
import { normaliseLabel } from './normalise-label.js';

const FIELD_BY_LABEL = new Map(
  (Object.entries(ExportLabel.header) as Array<[HeaderField, string]>).map(([field, label]) => [normaliseLabel(label), field]),
);

/**
 * The header lines (`项目名称：<tab>…<tab>项目编码：<tab>…`) up to `资金情况`. Cells come in
 * label/value pairs; reading pairs rather than fixed positions keeps the padding tabs harmless.
 */
export function readHeaderBlock(reader: LineReader): ExportedForm['header'] {
  const found = new Map<HeaderField, { value: string; line: ExportLine; col: number }>();
  while (!reader.nextIs(ExportLabel.fundsSection)) {
    const line = reader.require(found.size === 0 ? `“${ExportLabel.header.name}”等表头项` : `“${ExportLabel.fundsSection}”`, 'project');
    for (let k = 0; k < line.cells.length; k += 2) {
      const label = line.cells[k];
      const value = line.cells[k + 1] ?? '';
      if (label.trim() === '' && value.trim() === '') continue;
      const field = FIELD_BY_LABEL.get(normaliseLabel(label));
      const col = cellColumn(line, k);
      if (!field) {
        const message = `无法识别的表头项“${clipText(label)}”`;
        // Only the line's last cell can be the start of a label the file was cut inside.
        if (k < line.cells.length - 1) throw ExportParseError.malformed(line, col, message, 'project');
        const labels = [...Object.values(ExportLabel.header), ExportLabel.fundsSection];
        const started = labels.find((text) => normaliseLabel(text).startsWith(normaliseLabel(label)));
        throw reader.mismatch(line, col, message, started ?? ExportLabel.header.name, label, 'project');
      }
      if (found.has(field)) throw ExportParseError.malformed(line, col, `表头项“${ExportLabel.header[field]}”重复`, 'project');
      found.set(field, { value, line, col: cellColumn(line, k + 1) });
    }
  }
  const fundsLine = reader.peek();
  const header = {} as ExportedForm['header'];
  for (const field of Object.keys(ExportLabel.header) as HeaderField[]) {
    const cell = found.get(field);
    if (!cell && fundsLine) {
      throw ExportParseError.malformed(fundsLine, 1, `“${ExportLabel.fundsSection}”之前缺少表头项“${ExportLabel.header[field]}”`, 'project');
    }
    // The schema needs a name and a code; the code also names the YAML file.
    if (cell && (field === 'name' || field === 'code') && cell.value.trim() === '') {
      throw ExportParseError.malformed(cell.line, cell.col, `表头项“${ExportLabel.header[field]}”为空`, `project.${field}`);
    }
    header[field] = cell?.value ?? '';
  }
  return header;
}
