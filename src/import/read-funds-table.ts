import { ExportLabel } from './export-labels.js';
import { ExportParseError } from './export-parse-error.js';
import type { ExportedForm, ExportedFundsRow } from './exported-form.js';
import type { LineReader } from './line-reader.js';
import { normaliseLabel } from './normalise-label.js';
import { TableRow } from './table-row.js';

const TABLE = '资金情况表';
const WIDTH = ExportLabel.fundsColumns.length;
const [, INITIAL, ADJUSTED, EXECUTED, RATE, RATE_WEIGHT, RATE_SCORE] = ExportLabel.fundsColumns;

/**
 * `资金情况`, its column header, then 年度总金额, 其中：财政拨款 and the source rows, up to
 * `绩效目标`. Rates and scores are kept as printed; amounts must be amounts and the 财政拨款
 * row must carry 执行率权重 and 执行率得分, since the YAML needs the one and reports the other.
 */
export function readFundsTable(reader: LineReader): ExportedForm['funds'] {
  reader.requireSection(ExportLabel.fundsSection, 'funds');
  reader.requireColumns(ExportLabel.fundsColumns, TABLE, 'funds');
  const rows: ExportedFundsRow[] = [];
  while (!reader.nextIs(ExportLabel.goalsSection)) {
    const path = rows.length === 0 ? 'funds.total' : rows.length === 1 ? 'funds.fiscal' : `funds.sources[${rows.length - 2}]`;
    const line = reader.require(`“${ExportLabel.goalsSection}”`, path);
    const row = new TableRow(reader, line, WIDTH, TABLE, path);
    const expected = rows.length === 0 ? ExportLabel.totalRow : rows.length === 1 ? ExportLabel.fiscalRow : undefined;
    if (expected && normaliseLabel(row.cell(0)) !== normaliseLabel(expected)) {
      throw reader.mismatch(line, 1, `${TABLE}第 ${rows.length + 1} 行应为“${expected}”`, expected, row.cell(0), path);
    }
    const fiscal = rows.length === 1;
    row.requirePresent([
      [0, '资金来源'],
      [1, INITIAL],
      [2, ADJUSTED],
      [3, EXECUTED],
      ...(fiscal ? ([[5, RATE_WEIGHT]] as const) : []),
      ...(fiscal && !reader.computedOptional ? ([[6, RATE_SCORE]] as const) : []),
    ]);
    rows.push({
      line: line.number,
      label: row.cell(0),
      initial: row.required(1, INITIAL, 'amount'),
      adjusted: row.required(2, ADJUSTED, 'amount'),
      executed: row.required(3, EXECUTED, 'amount'),
      rate: row.optionalNumber(4, RATE),
      rateWeight: row.optionalNumber(5, RATE_WEIGHT),
      rateScore: row.optionalNumber(6, RATE_SCORE),
    });
  }
  const [total, fiscal, ...sources] = rows;
  if (!fiscal) {
    const goalsLine = reader.peek()!;
    const missing = total ? ExportLabel.fiscalRow : ExportLabel.totalRow;
    throw ExportParseError.malformed(goalsLine, 1, `${TABLE}缺少“${missing}”行`, 'funds');
  }
  return { total, fiscal, sources };
}
