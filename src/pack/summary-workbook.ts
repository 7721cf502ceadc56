import ExcelJS from 'exceljs';
import { SUMMARY_COLUMNS } from './summary-columns.js';
import type { SummaryRow } from './summary-row.js';
import { stabilizeZip } from './stabilize-zip.js';

/**
 * A decimal string as a spreadsheet number. Excel stores IEEE doubles, so this is the one
 * place a value becomes a JS number; every value here has ≤ 15 significant digits, which a
 * double holds exactly as typed (the sums were made in Decimal before).
 */
function cellNumber(text: string): number | null {
  return text === '' ? null : Number(text);
}

/**
 * The year's summary as .xlsx: one sheet, a frozen bold header row with filters, numbers as
 * numbers with formats (amounts `#,##0.00`), codes as text, department total rows in bold.
 * Dates inside (core properties, zip entries) are `date`, so the bytes are reproducible.
 */
export async function summaryWorkbook(rows: SummaryRow[], options: { title: string; date: Date; creator: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  workbook.lastModifiedBy = options.creator;
  workbook.title = options.title;
  workbook.created = options.date;
  workbook.modified = options.date;
  const sheet = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = SUMMARY_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const row of rows) {
    const values = SUMMARY_COLUMNS.map((column) => {
      const value = row[column.key];
      if (column.type === 'decimal') return cellNumber(String(value));
      return value;
    });
    const added = sheet.addRow(values);
    if (row.kind === 'total') added.font = { bold: true };
  }
  SUMMARY_COLUMNS.forEach((column, index) => {
    if (column.numFmt) sheet.getColumn(index + 1).numFmt = column.numFmt;
  });
  // The header cell keeps the general format (exceljs applies a column's numFmt to it too).
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), options.date);
}
