/**
 * Diagnostics are data: the stages make them, only the CLI prints them and picks the exit code.
 * `path` is the field path in the source (`indicators[2].actual`); `line`/`col` are 1-based.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable English code, e.g. `E_YAML_SYNTAX`, `W_REPORTED_MISMATCH`. */
  code: string;
  severity: Severity;
  /** One clause in Chinese. */
  message: string;
  file: string;
  line: number;
  col: number;
  path: string;
  /** The remedy, in Chinese, when there is one. */
  hint?: string;
  /** In a workbook (`ziping import 表.xlsx`): the sheet's name; `line` is then the row, `col` the column number. */
  sheet?: string;
  /** In a workbook: the cell, `D12`. */
  cell?: string;
}

/** A diagnostic made by a pure stage that knows no file: the caller locates it. */
export type UnlocatedDiagnostic = Omit<Diagnostic, 'file' | 'line' | 'col'>;
