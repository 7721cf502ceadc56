import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeExport } from './decode-export.js';
import { splitExportLines, type ExportLine } from './export-line.js';
import { ExportLabel } from './export-labels.js';
import type { ExportDiagnostic } from './exported-form.js';
import { matchTitle } from './match-title.js';
import { normaliseLabel } from './normalise-label.js';
import { parseCellReference } from './xlsx/cell-reference.js';
import { isOle, isZip, readWorkbook, WorkbookError } from './xlsx/read-workbook.js';
import { sheetLines } from './xlsx/sheet-lines.js';

/** One run of lines to parse: a text export, or one sheet of a workbook. */
export interface ImportPart {
  /** For the YAML's header comment and messages: `导出.txt`, `表.xlsx 工作表“二级项目”`. */
  source: string;
  lines: ExportLine[];
  /** Workbooks may be filled in by hand (ParseExportOptions.allowEntry). */
  allowEntry: boolean;
  locate(diagnostic: ExportDiagnostic): Diagnostic;
}

export interface ImportSource {
  parts: ImportPart[];
  diagnostics: Diagnostic[];
}

/**
 * A file given to `ziping import` as lines: a workbook (told by its ZIP signature, whatever its
 * name) sheet by sheet, anything else as the system's text export. Sheets without a form title
 * (a 说明 sheet) are passed over; a form sheet with nothing filled in (a template's other
 * family) is skipped with a warning.
 */
export async function readImportSource(file: string, bytes: Uint8Array): Promise<ImportSource> {
  if (isZip(bytes)) return readWorkbookSource(file, bytes);
  if (isOle(bytes)) {
    const xls = /\.xls$/i.test(file);
    return {
      parts: [],
      diagnostics: [
        fileError(
          file,
          'E_XLSX_ENCRYPTED_OR_XLS',
          xls ? '这是旧版 Excel 97-2003 工作簿（.xls），无法读取' : '这是加密（设了打开密码）的工作簿或旧版 .xls 文件（OLE 复合文档），无法读取',
          '请在 Excel/WPS 中打开，去掉打开密码，并“另存为” .xlsx 工作簿',
        ),
      ],
    };
  }
  const decoded = decodeExport(bytes);
  const diagnostics: Diagnostic[] = [];
  if (decoded.undecodableLine !== undefined) {
    diagnostics.push({
      ...fileError(file, 'W_EXPORT_UNDECODABLE', `第 ${decoded.undecodableLine} 行有无法按 ${decoded.encoding} 解码的字节，已替换为 �`),
      severity: 'warning',
      line: decoded.undecodableLine,
    });
  }
  const part: ImportPart = { source: path.basename(file), lines: splitExportLines(decoded.text), allowEntry: false, locate: (d) => ({ ...d, file }) };
  return { parts: [part], diagnostics };
}

async function readWorkbookSource(file: string, bytes: Uint8Array): Promise<ImportSource> {
  const diagnostics: Diagnostic[] = [];
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    return { parts: [], diagnostics: [workbookDiagnostic(file, error)] };
  }
  const filled = sheets.filter((sheet) => sheet.cells.length > 0 || sheet.problem);
  if (filled.length === 0) {
    return { parts: [], diagnostics: [fileError(file, 'E_XLSX_EMPTY', '工作簿是空的，没有任何单元格有内容', '请填写工作簿，或用 ziping template --xlsx 生成填报模板')] };
  }
  const parts: ImportPart[] = [];
  for (const sheet of filled) {
    if (sheet.problem) {
      diagnostics.push(workbookDiagnostic(file, sheet.problem));
      continue;
    }
    const { lines, cellAt } = sheetLines(sheet);
    const titles = lines.filter((line) => matchTitle(line));
    if (titles.length === 0) continue;
    const source = `${path.basename(file)} 工作表“${sheet.name}”`;
    if (lines.every((line) => line.blank || line.cells.every((cell) => cell.trim() === '' || isLabel(cell)))) {
      diagnostics.push({
        ...fileError(file, 'W_XLSX_UNFILLED_SHEET', `工作表“${sheet.name}”只有表样、没有填写内容，已跳过`),
        severity: 'warning',
        sheet: sheet.name,
        cell: 'A1',
      });
      continue;
    }
    parts.push({
      source,
      lines,
      allowEntry: true,
      locate: (d) => {
        const at = cellAt(d.line, d.col);
        return { ...d, hint: WORKBOOK_HINTS[d.code] ?? d.hint, file, line: d.line, col: at.column, sheet: sheet.name, cell: at.cell };
      },
    });
  }
  if (parts.length === 0 && !diagnostics.some((d) => d.sheet !== undefined)) {
    diagnostics.push(fileError(file, 'E_EXPORT_NO_FORMS', '工作簿中没有找到绩效自评表（如标题为“2023年度二级项目绩效自评表”的工作表）', '每张表一个工作表，第一行是表的标题；可用 ziping template --xlsx 生成模板'));
  }
  return { parts, diagnostics };
}

/** The text export's remedies speak of re-exporting a text file; a workbook's are these. */
const WORKBOOK_HINTS: Record<string, string> = {
  E_EXPORT_TRUNCATED: '工作表在此处结束，缺少后面的行；请补全，或对照 ziping template --xlsx 生成的模板',
  E_EXPORT_MALFORMED: '此行不符合绩效自评表的行列格式；请对照 ziping template --xlsx 生成的模板核对',
};

/** The printed form's own labels: a sheet holding only these (and its title) is an empty template. */
const LABELS = new Set(
  [
    ExportLabel.status,
    ...Object.values(ExportLabel.header),
    ExportLabel.fundsSection,
    ...ExportLabel.fundsColumns,
    ExportLabel.totalRow,
    ExportLabel.fiscalRow,
    ExportLabel.goalsSection,
    ...ExportLabel.goalsColumns,
    ExportLabel.indicatorsSection,
    ...ExportLabel.indicatorColumns,
  ].map(normaliseLabel),
);

function isLabel(cell: string): boolean {
  return LABELS.has(normaliseLabel(cell)) || matchTitle({ number: 0, text: cell, cells: [cell], blank: false }) !== undefined;
}

function workbookDiagnostic(file: string, error: WorkbookError): Diagnostic {
  const at = error.cell === undefined ? undefined : parseCellReference(error.cell);
  return {
    ...fileError(file, error.code, error.message, error.hint),
    ...(error.sheet === undefined ? {} : { sheet: error.sheet }),
    ...(at ? { cell: error.cell, line: at.row, col: at.column } : {}),
  };
}

/** An error about a whole file (located at its start). */
export function fileError(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', message, file, line: 1, col: 1, path: '', ...(hint === undefined ? {} : { hint }) };
}
