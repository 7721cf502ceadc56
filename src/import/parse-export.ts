import { clipText } from './clip-text.js';
import { splitExportLines, type ExportLine } from './export-line.js';
import { ExportParseError } from './export-parse-error.js';
import type { ExportDiagnostic, ExportedForm, ExportedFormKind, ParsedExport } from './exported-form.js';
import { LineReader } from './line-reader.js';
import { matchTitle, type ExportTitle } from './match-title.js';
import { readFundsTable } from './read-funds-table.js';
import { readGoalsTable } from './read-goals-table.js';
import { readHeaderBlock } from './read-header-block.js';
import { readIndicatorsTable } from './read-indicators-table.js';
import { readStatus } from './read-status.js';

const KINDS: readonly string[] = ['部门整体', '二级项目'] satisfies ExportedFormKind[];

/**
 * Splits the budget-performance system's text export into its forms. Pure: text in, forms and
 * diagnostics out. Each form runs title → 状态 → header → 资金情况 → 绩效目标 → 绩效指标; a form
 * that breaks off or breaks the pattern yields one error and no form, and reading resumes at
 * the next title, so the other forms still come through.
 */
export function parseExport(text: string): ParsedExport {
  return parseExportLines(splitExportLines(text));
}

export interface ParseExportOptions {
  /**
   * A form whose 自评总分 is empty is data entry (a filled-in workbook), not a system's print:
   * the cells ziping computes (执行率得分, a quantitative 得分系数, 指标得分) may then be empty.
   */
  allowEntry?: boolean;
}

/**
 * The same for lines from elsewhere (a workbook's rows); `lines[k].number` must be k + 1, so
 * a sheet passes every row, empty ones as blank lines.
 */
export function parseExportLines(lines: ExportLine[], options: ParseExportOptions = {}): ParsedExport {
  const forms: ExportedForm[] = [];
  const diagnostics: ExportDiagnostic[] = [];
  const firstTitle = lines.findIndex((line) => matchTitle(line));
  if (firstTitle < 0) {
    diagnostics.push({
      code: 'E_EXPORT_NO_FORMS',
      severity: 'error',
      message: '文件中没有找到绩效自评表（如“2023年度二级项目绩效自评表”）',
      line: 1,
      col: 1,
      path: '',
      hint: '请确认这是绩效系统导出的文本文件',
    });
    return { forms, diagnostics };
  }
  const stray = lines.slice(0, firstTitle).find((line) => !line.blank);
  if (stray) diagnostics.push(strayText(stray));

  for (let index = firstTitle; index < lines.length; index = nextTitle(lines, index + 1)) {
    const title = matchTitle(lines[index])!;
    if (!KINDS.includes(title.kind)) {
      diagnostics.push(unsupportedForm(lines[index], title));
      continue;
    }
    try {
      forms.push(parseForm(lines, index, title, options));
    } catch (error) {
      if (!(error instanceof ExportParseError)) throw error;
      diagnostics.push(error.diagnostic);
    }
  }
  return { forms, diagnostics };
}

function parseForm(lines: ExportLine[], titleIndex: number, title: ExportTitle, options: ParseExportOptions): ExportedForm {
  const reader = new LineReader(lines, titleIndex);
  const status = readStatus(reader);
  const header = readHeaderBlock(reader);
  const entry = options.allowEntry === true && header.selfScore.trim() === '';
  reader.computedOptional = entry;
  return {
    line: lines[titleIndex].number,
    title: lines[titleIndex].text.trim(),
    kind: title.kind as ExportedFormKind,
    year: title.year,
    status,
    header,
    funds: readFundsTable(reader),
    goals: readGoalsTable(reader),
    indicators: readIndicatorsTable(reader),
    ...(entry ? { entry } : {}),
  };
}

function nextTitle(lines: ExportLine[], from: number): number {
  const found = lines.findIndex((line, index) => index >= from && matchTitle(line));
  return found < 0 ? lines.length : found;
}

function strayText(line: ExportLine): ExportDiagnostic {
  return {
    code: 'W_EXPORT_STRAY_TEXT',
    severity: 'warning',
    message: `第一张表之前的内容“${clipText(line.text)}”不属于任何自评表，已忽略`,
    line: line.number,
    col: 1,
    path: '',
  };
}

function unsupportedForm(line: ExportLine, title: ExportTitle): ExportDiagnostic {
  return {
    code: 'E_EXPORT_UNSUPPORTED_FORM',
    severity: 'error',
    message: `不支持的表样“${title.kind}”，此表未导入`,
    line: line.number,
    col: 1,
    path: '',
    hint: '支持的表样：部门整体、二级项目',
  };
}
