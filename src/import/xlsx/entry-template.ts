import ExcelJS from 'exceljs';
import { stabilizeZip } from '../../pack/stabilize-zip.js';
import { ExportLabel } from '../export-labels.js';
import type { ExportedFormKind } from '../exported-form.js';

export interface EntryTemplateOptions {
  /** The 年度 in each sheet's title. */
  year: number;
  creator: string;
  /** Written into the package (core properties, zip entries): same options, same bytes. */
  date: Date;
}

const FAMILIES: readonly ExportedFormKind[] = ['部门整体', '二级项目'];
const SOURCE_ROWS = 3;
const INDICATOR_ROWS = 20;
const AMOUNT = '#,##0.00';
/** Light yellow: to fill in; grey: ziping computes it. */
const ENTRY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const COMPUTED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const WIDTHS = [34, 16, 18, 16, 16, 12, 14, 12, 12, 14, 24];

/**
 * `ziping template --xlsx`: a data-entry workbook, one sheet per form family laid out row for
 * row as the printed form (so `ziping import` reads it with the export's parser), plus a 说明
 * sheet. Value cells are empty and yellow; cells ziping computes are grey and may stay empty.
 */
export async function entryTemplateWorkbook(options: EntryTemplateOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  workbook.lastModifiedBy = options.creator;
  workbook.created = options.date;
  workbook.modified = options.date;
  for (const kind of FAMILIES) addFormSheet(workbook, kind, options.year);
  addGuideSheet(workbook, options.year);
  const buffer = await workbook.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), options.date);
}

function addFormSheet(workbook: ExcelJS.Workbook, kind: ExportedFormKind, year: number): void {
  const sheet = workbook.addWorksheet(kind, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  let row = 1;
  const label = (r: number, c: number, text: string, bold = false) => {
    const cell = sheet.getCell(r, c);
    cell.value = text;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (bold) cell.font = { bold: true };
  };
  const entry = (r: number, c: number, format?: string) => {
    const cell = sheet.getCell(r, c);
    cell.fill = ENTRY;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: format === '@' || format === undefined };
    if (format) cell.numFmt = format;
  };
  const computed = (r: number, c: number) => {
    const cell = sheet.getCell(r, c);
    cell.fill = COMPUTED;
    cell.border = THIN;
  };

  const title = sheet.getCell(row, 1);
  title.value = `${year}年度${kind}绩效自评表`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(row, 1, row, WIDTHS.length);
  row++;
  label(row, 1, ExportLabel.status);
  entry(row, 2, '@');
  row++;
  const header = ExportLabel.header;
  label(row, 1, header.name);
  entry(row, 2, '@');
  label(row, 3, header.code);
  entry(row, 4, '@');
  label(row, 5, header.selfScore);
  computed(row, 6);
  row++;
  [header.department, header.financeOffice, header.contact, header.phone].forEach((text, k) => {
    label(row, 1 + 2 * k, text);
    entry(row, 2 + 2 * k, '@');
  });
  row += 2;

  label(row++, 1, ExportLabel.fundsSection, true);
  ExportLabel.fundsColumns.forEach((text, k) => label(row, k + 1, text, true));
  row++;
  for (const [k, rowLabel] of [ExportLabel.totalRow, ExportLabel.fiscalRow, ...Array<string>(SOURCE_ROWS).fill('')].entries()) {
    if (rowLabel) label(row, 1, rowLabel);
    else {
      entry(row, 1, '@');
      sheet.getCell(row, 1).dataValidation = { type: 'list', allowBlank: true, formulae: ['"一般公共预算,政府性基金预算,国有资本经营预算,财政专户管理资金,其他资金"'] };
    }
    for (const c of [2, 3, 4]) entry(row, c, AMOUNT);
    if (k === 0) [5, 6, 7].forEach((c) => computed(row, c));
    else computed(row, 5);
    if (k === 1) {
      entry(row, 6);
      computed(row, 7);
    }
    row++;
  }
  row++;

  label(row++, 1, ExportLabel.goalsSection, true);
  ExportLabel.goalsColumns.forEach((text, k) => label(row, k + 1, text, true));
  row++;
  [1, 2, 3].forEach((c) => entry(row, c, '@'));
  sheet.getRow(row).height = 60;
  row += 2;

  label(row++, 1, ExportLabel.indicatorsSection, true);
  ExportLabel.indicatorColumns.forEach((text, k) => label(row, k + 1, text, true));
  row++;
  for (let k = 0; k < INDICATOR_ROWS; k++, row++) {
    entry(row, 1, '@');
    entry(row, 2, '@');
    entry(row, 3, '@');
    sheet.getCell(row, 3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"≥,≤,=,定性"'] };
    entry(row, 4);
    entry(row, 5);
    computed(row, 6);
    entry(row, 7); // 定性指标的得分系数；定量指标由 ziping 计算
    entry(row, 8);
    computed(row, 9);
    entry(row, 10, '@');
    sheet.getCell(row, 10).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    entry(row, 11, '@');
  }
}

function addGuideSheet(workbook: ExcelJS.Workbook, year: number): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 110 }];
  const lines = [
    '填报说明（ziping import 读取本工作簿时忽略此工作表）',
    '',
    '1. 每个工作表是一张绩效自评表，行列与打印的表样相同；请勿插入或删除列，也不要移动标签。',
    '   一个工作表可以复制多份（每份一张表），也可以在一个工作表中上下排列多张表，每张表从标题行开始。',
    `2. 黄色单元格填写；灰色单元格（自评总分、执行率、执行率得分、偏离度、指标得分）由 ziping 计算，留空即可。`,
    `3. 标题中的年度（${year}）可直接修改。项目名称、项目编码必填；项目编码、联系电话按文本填写，以免长数字被改写。`,
    '4. 资金情况：金额以元为单位，可保留两位小数；“其中：财政拨款”行填写执行率权重（如 10）；',
    '   财政拨款下的资金来源（如 一般公共预算）每行一个，用不到的行留空。',
    '5. 绩效指标：指标性质填 ≥、≤、= 或 定性；定量指标的得分系数留空，定性指标填写得分系数（%）：',
    '   达成 80–100，部分达成 60–80，未达成 0–60。是否核心指标填 是 或 否。用不到的指标行整行留空，导入时忽略。',
    '6. 数字按单元格显示的样子读取（常规格式最多 15 位有效数字，0.00、#,##0.00 按其小数位）；',
    '   百分比格式的单元格按百分数读取（显示 100% 读作 100）；日期格式或其他格式的数字会报错。',
    '7. 填好后运行：ziping import 本文件.xlsx -o data，再运行 ziping check data 查看计分。',
    '   没有填写的表样工作表会跳过并给出提示。',
  ];
  lines.forEach((text, k) => {
    const cell = sheet.getCell(k + 1, 1);
    cell.value = text;
    if (k === 0) cell.font = { bold: true, size: 14 };
  });
}
