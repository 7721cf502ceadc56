import JSZip from 'jszip';
import { columnLetters, parseCellReference } from './cell-reference.js';
import { formatNumberCell, numberFormatCode } from './format-number-cell.js';
import { stringItemText, xmlAttributes, xmlElements, xmlText } from './xml-text.js';

/** One cell with text, as the cell displays it. */
export interface WorkbookCell {
  row: number;
  column: number;
  text: string;
}

export interface WorkbookSheet {
  name: string;
  cells: WorkbookCell[];
  /** A cell that cannot be read as displayed: the sheet is not imported, the others are. */
  problem?: WorkbookError;
}

/** A problem reading the workbook itself; `sheet`/`cell` when it sits in one cell. */
export class WorkbookError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(message);
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, k) => bytes[k] === byte);
}

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, k) => bytes[k] === byte);
}

/**
 * The worksheets of an .xlsx as displayed text, read from the package's XML (ECMA-376) rather
 * than through a library's JS numbers: shared and inline strings (rich text runs joined),
 * formulas by their cached value, numbers through their cell style's number format in
 * decimals (formatNumberCell). A cell that cannot be shown exactly — a date, an unsupported
 * format, an error value, a formula never calculated — is a WorkbookError naming it.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new WorkbookError('E_XLSX_CORRUPT', `不是有效的 .xlsx 文件（ZIP 无法解开：${(error as Error).message}）`, '请在 Excel/WPS 中打开并另存为 .xlsx');
  }
  const read = async (name: string) => zip.file(name)?.async('string');
  const workbook = await read('xl/workbook.xml');
  if (workbook === undefined) {
    throw new WorkbookError('E_XLSX_CORRUPT', '不是 Excel 工作簿：ZIP 中没有 xl/workbook.xml', '请在 Excel/WPS 中打开并另存为 .xlsx');
  }
  const targets = new Map<string, string>();
  for (const rel of xmlElements((await read('xl/_rels/workbook.xml.rels')) ?? '', 'Relationship')) {
    if (!/\/worksheet$/.test(rel.attributes.get('Type') ?? '')) continue;
    const target = rel.attributes.get('Target') ?? '';
    targets.set(rel.attributes.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = [...xmlElements((await read('xl/sharedStrings.xml')) ?? '', 'si')].map((si) => stringItemText(si.inner));
  const styles = (await read('xl/styles.xml')) ?? '';
  const customFormats = new Map([...xmlElements(styles, 'numFmt')].map((f) => [Number(f.attributes.get('numFmtId')), f.attributes.get('formatCode') ?? '']));
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(styles)?.[0] ?? '';
  const styleFormats = [...xmlElements(cellXfs, 'xf')].map((xf) => Number(xf.attributes.get('numFmtId') ?? 0));

  const sheets: WorkbookSheet[] = [];
  for (const sheet of xmlElements(workbook, 'sheet')) {
    const name = sheet.attributes.get('name') ?? '';
    const id = [...sheet.attributes].find(([key]) => /(^|:)id$/.test(key))?.[1] ?? '';
    const target = targets.get(id);
    if (target === undefined) continue; // a chart sheet or dialog sheet: no cells
    const xml = await read(target);
    if (xml === undefined) throw new WorkbookError('E_XLSX_CORRUPT', `工作簿缺少工作表“${name}”的内容（${target}）`, '请在 Excel/WPS 中打开并另存为 .xlsx');
    try {
      sheets.push({ name, cells: readSheetCells(xml, name, shared, styleFormats, customFormats) });
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      sheets.push({ name, cells: [], problem: error });
    }
  }
  return sheets;
}

function readSheetCells(xml: string, sheet: string, shared: string[], styleFormats: number[], customFormats: Map<number, string>): WorkbookCell[] {
  const cells: WorkbookCell[] = [];
  const data = [...xmlElements(xml, 'sheetData')][0]?.inner ?? '';
  let rowNumber = 0;
  for (const row of xmlElements(data, 'row')) {
    rowNumber = Number(row.attributes.get('r') ?? rowNumber + 1);
    let column = 0;
    for (const c of xmlElements(row.inner, 'c')) {
      const at = parseCellReference(c.attributes.get('r') ?? '');
      column = at ? at.column : column + 1;
      const where = `${columnLetters(column)}${rowNumber}`;
      const text = cellText(c.attributes, c.inner, { sheet, where, shared, styleFormats, customFormats });
      if (text !== '') cells.push({ row: rowNumber, column, text });
    }
  }
  return cells;
}

interface CellContext {
  sheet: string;
  where: string;
  shared: string[];
  styleFormats: number[];
  customFormats: Map<number, string>;
}

function cellText(attributes: Map<string, string>, inner: string, context: CellContext): string {
  const type = attributes.get('t') ?? 'n';
  const valueElement = [...xmlElements(inner, 'v')][0];
  const value = valueElement === undefined ? undefined : xmlText(valueElement.inner);
  const fail = (code: string, message: string, hint?: string) => new WorkbookError(code, message, hint, context.sheet, context.where);
  if (type === 'inlineStr') return stringItemText([...xmlElements(inner, 'is')][0]?.inner ?? '');
  if (value === undefined) {
    if (/<(?:\w+:)?f\b/.test(inner)) throw fail('E_XLSX_FORMULA_NO_VALUE', '公式没有已计算的结果', '请在 Excel/WPS 中打开、重新计算并保存，或改为填写数值');
    return '';
  }
  switch (type) {
    case 's': {
      const text = context.shared[Number(value)];
      if (text === undefined) throw fail('E_XLSX_CORRUPT', `共享字符串 ${value} 不存在`, '请在 Excel/WPS 中打开并另存为 .xlsx');
      return text;
    }
    case 'str':
      return value;
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      throw fail('E_XLSX_CELL_ERROR', `单元格是错误值 ${value}`, '请改正该单元格的公式或数值');
    case 'd':
      throw fail('E_XLSX_DATE_CELL', `单元格是日期（${value}），表中此处应为数字或文字`, '请把单元格格式设为“常规”或“数值”，或作为文本输入');
    default: {
      const formatId = context.styleFormats[Number(attributes.get('s') ?? 0)] ?? 0;
      const format = numberFormatCode(formatId, context.customFormats);
      if (format === undefined) throw fail('E_XLSX_NUMBER_FORMAT', `单元格的数字格式（编号 ${formatId}）无法识别，无法确定显示的数值`, FORMAT_HINT);
      if (typeof format !== 'string') throw fail('E_XLSX_DATE_CELL', `单元格是日期格式的数字 ${value}，表中此处应为数字或文字`, FORMAT_HINT);
      const shown = formatNumberCell(value, format);
      if ('text' in shown) return shown.text;
      if (shown.problem === 'date') throw fail('E_XLSX_DATE_CELL', `单元格是日期格式（${format}）的数字 ${value}，表中此处应为数字或文字`, FORMAT_HINT);
      throw fail('E_XLSX_NUMBER_FORMAT', `不支持单元格的数字格式“${format}”，无法确定显示的数值`, FORMAT_HINT);
    }
  }
}

const FORMAT_HINT = '请把单元格格式设为“常规”、“0.00”、“#,##0.00”或百分比，或作为文本输入';
