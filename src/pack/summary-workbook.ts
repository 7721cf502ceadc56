import ExcelJS from 'exceljs';
import { SUMMARY_COLUMNS, type SummaryColumn } from './summary-columns.js';
import type { SummaryRow } from './summary-row.js';
import { stabilizeZip } from './stabilize-zip.js';

/** Amounts: 2 places with thousands separators, as the forms print them. */
const AMOUNT_FORMAT = '#,##0.00';

/** `97.8` → `0.0`, `100.00` → `0.00`, `100` → `0`: the format that shows the number as printed. */
function printedFormat(text: string): string {
  const places = text.split('.')[1]?.length ?? 0;
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

/**
 * A decimal string as a spreadsheet number. Excel stores IEEE doubles, so this is the one
 * place a value becomes a JS number; every value here has ≤ 15 significant digits, which a
 * double holds exactly as typed (the sums were made in Decimal before).
 */
function cellNumber(text: string): number {
  return Number(text);
}

/** A1 letters of the 1-based column. */
function letters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const columnIndex = (predicate: (column: SummaryColumn) => boolean) => SUMMARY_COLUMNS.findIndex(predicate) + 1;
const FORM_COLUMN = letters(columnIndex((column) => column.header === '表单类型'));

/** Summary row index (0-based) → sheet row (the header is row 1). */
const sheetRow = (index: number) => index + 2;

/**
 * The formula of a subtotal or total cell: SUM over its block, or SUMIF over the block's rows of
 * one 表单类型; 执行率 from the row's own amounts (ROUND half up, as the cached value).
 */
function formulaOf(row: SummaryRow, column: SummaryColumn, at: number): string | undefined {
  if (!row.sum) return undefined;
  const own = letters(SUMMARY_COLUMNS.indexOf(column) + 1);
  if (column.funds?.field === 'rate') {
    const of = (field: 'adjusted' | 'executed') => `${letters(columnIndex((c) => c.funds?.group === column.funds!.group && c.funds.field === field))}${at}`;
    return `IF(${of('adjusted')}=0,"",ROUND(${of('executed')}/${of('adjusted')}*100,2))`;
  }
  if (column.type !== 'amount' && column.type !== 'count') return undefined;
  const from = sheetRow(row.sum.from);
  const to = sheetRow(row.sum.to);
  return row.sum.label
    ? `SUMIF($${FORM_COLUMN}$${from}:$${FORM_COLUMN}$${to},"${row.sum.label}",${own}${from}:${own}${to})`
    : `SUM(${own}${from}:${own}${to})`;
}

function writeCell(cell: ExcelJS.Cell, row: SummaryRow, column: SummaryColumn, at: number): void {
  const raw = column.value(row);
  const text = String(raw);
  if (text === '') return;
  if (column.type === 'text') {
    cell.value = text;
    return;
  }
  const result = cellNumber(text);
  const formula = formulaOf(row, column, at);
  // A formula keeps its exactly computed result cached, for readers that do not recalculate.
  cell.value = formula ? { formula, result } : result;
  cell.numFmt = column.type === 'amount' ? AMOUNT_FORMAT : column.type === 'count' ? '0' : printedFormat(text);
}

/** The 说明 sheet: each column's definition, so no header is read two ways. */
function addDefinitions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [
    { header: '列', key: 'header', width: 40 },
    { header: '口径', key: 'definition', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const column of SUMMARY_COLUMNS) sheet.addRow({ header: column.header, definition: column.definition }).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The year's summary as .xlsx: sheet 汇总 with a frozen bold header row and filters, numbers as
 * numbers (amounts `#,##0.00`, printed values with their printed decimals), codes as text;
 * subtotal and total rows bold, their sums as formulas with the exact values cached; sheet 说明
 * with each column's definition. Dates inside (core properties, zip entries) are `date`, so the
 * bytes are reproducible.
 */
export async function summaryWorkbook(rows: SummaryRow[], options: { title: string; date: Date; creator: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  workbook.lastModifiedBy = options.creator;
  workbook.title = options.title;
  workbook.created = options.date;
  workbook.modified = options.date;
  const sheet = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = SUMMARY_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  rows.forEach((row, index) => {
    const at = sheetRow(index);
    const line = sheet.getRow(at);
    SUMMARY_COLUMNS.forEach((column, c) => writeCell(line.getCell(c + 1), row, column, at));
    if (row.kind !== 'form') line.font = { bold: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  addDefinitions(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), options.date);
}
