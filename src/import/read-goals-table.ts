import { clipText } from './clip-text.js';
import { ExportLabel } from './export-labels.js';
import { ExportParseError } from './export-parse-error.js';
import type { ExportedForm } from './exported-form.js';
import type { LineReader } from './line-reader.js';

/**
 * `绩效目标`, its column header and the one row of goal texts, up to `绩效指标`. A goal text
 * that holds line breaks spans several lines of the export, so the lines are joined back
 * before splitting the three cells.
 */
export function readGoalsTable(reader: LineReader): ExportedForm['goals'] {
  reader.requireSection(ExportLabel.goalsSection, 'goals');
  const header = reader.requireColumns(ExportLabel.goalsColumns, '绩效目标表', 'goals');
  const lines = [];
  while (!reader.nextIs(ExportLabel.indicatorsSection)) lines.push(reader.require(`“${ExportLabel.indicatorsSection}”`, 'goals'));
  const cells = lines.map((line) => line.text).join('\n').split('\t');
  while (cells.length > 3 && cells[cells.length - 1].trim() === '') cells.pop();
  if (cells.length > 3) {
    throw ExportParseError.malformed(lines[0], 1, `绩效目标表应为 3 列，此处多出“${clipText(cells[3])}”`, 'goals');
  }
  const [initial = '', adjusted = '', achieved = ''] = cells;
  return { line: lines[0]?.number ?? header.number, initial, adjusted, achieved };
}
