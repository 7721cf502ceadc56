import { SUMMARY_COLUMNS } from './summary-columns.js';
import type { SummaryRow } from './summary-row.js';

/** Excel reads a CSV as the local code page (GBK in China) unless it starts with a UTF-8 BOM. */
const BOM = '\uFEFF';

/**
 * A text that Excel or WPS would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR first) gets a
 * leading apostrophe, as OWASP's CSV-injection advice says; plain numbers (`-25`) stay numbers.
 */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

function field(raw: string): string {
  const value = neutralised(raw);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The summary as CSV (RFC 4180, CRLF): the workbook's columns and rows, amounts without
 * separators, printed values as printed (`97.8`); subtotals and totals as their exact values
 * (a CSV holds no formulas).
 */
export function summaryCsv(rows: SummaryRow[]): string {
  const lines = [SUMMARY_COLUMNS.map((column) => field(column.header)).join(',')];
  for (const row of rows) lines.push(SUMMARY_COLUMNS.map((column) => field(String(column.value(row)))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
