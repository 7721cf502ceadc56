import type { ExportLine } from './export-line.js';
import type { ExportDiagnostic } from './exported-form.js';

/** Thrown inside one form's parse; parseExport turns it into a diagnostic and goes on with the next form. */
export class ExportParseError extends Error {
  constructor(readonly diagnostic: ExportDiagnostic) {
    super(diagnostic.message);
  }

  /** The form stops at `line` (end of file or the next form's title) before `missing` was seen. */
  static truncated(line: ExportLine, missing: string, path = ''): ExportParseError {
    return new ExportParseError({
      code: 'E_EXPORT_TRUNCATED',
      severity: 'error',
      message: `导出内容在此行中断，缺少${missing}`,
      line: line.number,
      col: [...line.text].length + 1,
      path,
      hint: '请从系统重新导出完整的文本文件',
    });
  }

  static malformed(line: ExportLine, col: number, message: string, path = ''): ExportParseError {
    return new ExportParseError({
      code: 'E_EXPORT_MALFORMED',
      severity: 'error',
      message,
      line: line.number,
      col,
      path,
      hint: '此行不符合系统导出的格式；请核对或重新导出',
    });
  }
}
