import ExcelJS from 'exceljs';

const TITLE = /^\d{4}年度.+绩效自评表$/;
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/**
 * The system's text export saved as a form-shaped workbook, as a budget system exports one:
 * one sheet per form, row = line, column = tab cell. Amounts are number cells formatted
 * `#,##0.00`, 执行率 and 偏离度 number cells in a percent format (the fraction, shown ×100),
 * other plain numbers number cells (General, or `0.00` where the text keeps trailing zeros),
 * everything else strings — so reading it exercises real number cells.
 */
export async function sampleWorkbook(text: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const lines = text.replace(/\n$/, '').split('\n');
  let sheet: ExcelJS.Worksheet | undefined;
  let row = 0;
  let section = '';
  for (const line of lines) {
    if (TITLE.test(line.trim())) {
      sheet = workbook.addWorksheet(`表${workbook.worksheets.length + 1}`);
      row = 0;
    }
    if (!sheet) continue;
    row++;
    const label = line.trim();
    if (['资金情况', '绩效目标', '绩效指标'].includes(label)) section = label;
    line.split('\t').forEach((cellText, k) => {
      if (cellText === '') return;
      const cell = sheet!.getCell(row, k + 1);
      const amount = section === '资金情况' && k >= 1 && k <= 3 && /^[\d,]+\.\d\d$/.test(cellText);
      const percent = PLAIN_NUMBER.test(cellText) && ((section === '资金情况' && k === 4) || (section === '绩效指标' && k === 5));
      if (amount) {
        cell.value = Number(cellText.replace(/,/g, ''));
        cell.numFmt = '#,##0.00';
      } else if (percent) {
        const places = cellText.split('.')[1]?.length ?? 0;
        cell.value = Number(cellText) / 100;
        cell.numFmt = places === 0 ? '0%' : `0.${'0'.repeat(places)}%`;
      } else if (PLAIN_NUMBER.test(cellText) && cellText.length <= 15) {
        cell.value = Number(cellText);
        const places = cellText.split('.')[1]?.length ?? 0;
        if (String(Number(cellText)) !== cellText) cell.numFmt = `0.${'0'.repeat(places)}`;
      } else {
        cell.value = cellText;
      }
    });
  }
  return workbook;
}
