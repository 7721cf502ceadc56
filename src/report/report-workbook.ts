import ExcelJS from 'exceljs';
import { stabilizeZip } from '../pack/stabilize-zip.js';
import type { YearReport } from './year-report.js';

/** `97.8` → `0.0`, `100.00` → `0.00`: the format that shows a score as printed. */
function printedFormat(text: string): string {
  const places = text.split('.')[1]?.length ?? 0;
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number | { score: string })[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (typeof value === 'object') {
        if (value.score === '') return;
        cell.value = Number(value.score);
        cell.numFmt = printedFormat(value.score);
      } else if (value !== '') cell.value = value;
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** The sheets of a report workbook, in order (also how `report -o` knows a file is one it wrote). */
export const REPORT_SHEETS = ['表单', '未达成指标', '部门'] as const;

/** `ziping report -o`: sheets 表单, 未达成指标, 部门; scores as numbers shown as printed. Reproducible bytes for one `date`. */
export async function reportWorkbook(report: YearReport, options: { date: Date; creator: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  workbook.created = options.date;
  workbook.modified = options.date;
  addSheet(
    workbook,
    REPORT_SHEETS[0],
    [
      { header: '部门', width: 30 },
      { header: '表单类型', width: 10 },
      { header: '项目编码', width: 24 },
      { header: '项目名称', width: 36 },
      { header: '自评总分', width: 10 },
      { header: '未达成指标数', width: 12 },
      { header: '警告', width: 50 },
      { header: '错误', width: 50 },
      { header: '源文件', width: 40 },
    ],
    report.forms.map((form) => [
      form.department,
      form.form,
      form.code,
      form.name,
      { score: form.selfScore },
      form.unmet.length,
      form.warnings.map((d) => `${d.code} ${d.message}`).join('\n'),
      form.errors.map((d) => `${d.code} ${d.message}`).join('\n'),
      form.file,
    ]),
  );
  addSheet(
    workbook,
    REPORT_SHEETS[1],
    [
      { header: '部门', width: 30 },
      { header: '项目编码', width: 24 },
      { header: '项目名称', width: 36 },
      { header: '指标名称', width: 36 },
      { header: '指标性质', width: 8 },
      { header: '年度指标值', width: 12 },
      { header: '实际完成值', width: 12 },
      { header: '评价等级', width: 10 },
      { header: '偏差原因', width: 60 },
      { header: '源文件', width: 40 },
    ],
    report.forms.flatMap((form) => form.unmet.map((u) => [form.department, form.code, form.name, u.name, u.nature, u.target, u.actual, u.grade, u.reason, form.file])),
  );
  addSheet(
    workbook,
    REPORT_SHEETS[2],
    [
      { header: '部门', width: 30 },
      { header: '表单数', width: 8 },
      { header: '计分表单数', width: 10 },
      { header: '平均自评总分', width: 12 },
      { header: '最低自评总分', width: 12 },
      { header: '低于90分表单数', width: 14 },
    ],
    report.departments.map((d) => [d.department, d.forms, d.scored, { score: d.meanScore }, { score: d.minScore }, d.below90]),
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), options.date);
}
