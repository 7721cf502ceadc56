import { SUMMARY_COLUMNS } from './summary-columns.js';
import type { SummaryRow } from './summary-row.js';

/** Excel reads a CSV as the local code page (GBK in China) unless it starts with a UTF-8 BOM. */
const BOM = '\uFEFF';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The summary as CSV (RFC 4180, CRLF), same columns and values as the workbook; amounts without separators. */
export function summaryCsv(rows: SummaryRow[]): string {
  const lines = [SUMMARY_COLUMNS.map((column) => field(column.header)).join(',')];
  for (const row of rows) lines.push(SUMMARY_COLUMNS.map((column) => field(String(row[column.key]))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
