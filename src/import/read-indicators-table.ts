import { Decimal } from 'decimal.js';
import { clipText } from './clip-text.js';
import { ExportLabel } from './export-labels.js';
import { cellColumn } from './export-line.js';
import { ExportParseError } from './export-parse-error.js';
import type { ExportedIndicator, ExportedNature } from './exported-form.js';
import type { LineReader } from './line-reader.js';
import { normaliseLabel } from './normalise-label.js';
import { TableRow } from './table-row.js';

const TABLE = '绩效指标表';
const COLUMNS = ExportLabel.indicatorColumns;
const NATURES: readonly ExportedNature[] = ['≥', '≤', '=', '定性'];
const CORE = ['是', '否'];

/**
 * `绩效指标`, its column header and the indicator rows, up to the next title or the end of the
 * file. 偏离度, 得分系数 and 指标得分 are kept as printed; the cells the YAML needs as input
 * (性质, 权重, 是否核心, a 定性 row's 得分系数) are checked here so a bad row names its line.
 */
export function readIndicatorsTable(reader: LineReader): ExportedIndicator[] {
  reader.requireSection(ExportLabel.indicatorsSection, 'indicators');
  reader.requireColumns(COLUMNS, TABLE, 'indicators');
  const indicators: ExportedIndicator[] = [];
  for (let line = reader.take(); line; line = reader.take()) {
    const path = `indicators[${indicators.length}]`;
    const row = new TableRow(reader, line, COLUMNS.length, TABLE, path);
    // Data entry leaves what ziping computes empty, but a 定性 row's 得分系数 is its grade.
    const required = reader.computedOptional ? [0, 2, 3, 4, 7, 9] : [0, 2, 3, 4, 6, 7, 8, 9];
    row.requirePresent(required.map((k) => [k, COLUMNS[k]] as const));
    const nature = normaliseLabel(row.cell(2)) as ExportedNature;
    if (!NATURES.includes(nature)) {
      throw ExportParseError.malformed(line, cellColumn(line, 2), `指标性质应为 ≥、≤、= 或 定性，实为“${clipText(row.cell(2))}”`, path);
    }
    const core = row.cell(9).trim();
    if (!CORE.includes(core)) {
      throw ExportParseError.malformed(line, cellColumn(line, 9), `“${COLUMNS[9]}”应为 是 或 否，实为“${clipText(core)}”`, path);
    }
    const coefficient = nature === '定性' ? row.required(6, COLUMNS[6], 'number') : reader.computedOptional ? row.cell(6) : row.required(6, COLUMNS[6]);
    if (nature === '定性' && new Decimal(coefficient.trim()).gt(100)) {
      throw ExportParseError.malformed(line, cellColumn(line, 6), `定性指标的得分系数应在 0 到 100 之间，实为“${coefficient.trim()}”`, path);
    }
    indicators.push({
      line: line.number,
      name: row.cell(0),
      unit: row.cell(1),
      nature,
      target: row.cell(3),
      actual: row.cell(4),
      deviation: row.cell(5),
      coefficient,
      weight: row.required(7, COLUMNS[7], 'number'),
      score: row.cell(8),
      core: row.cell(9),
      note: row.cell(10),
    });
  }
  if (indicators.length === 0) throw ExportParseError.truncated(reader.lastTaken, '绩效指标行', 'indicators');
  return indicators;
}
