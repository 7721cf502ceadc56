import type { Severity } from '../diagnostics/diagnostic.js';

/**
 * One form as found in the budget-performance system's text export, before any meaning is
 * given to it. Text fields hold each cell exactly as it stands in the file (so the importer
 * can keep every printed value); only `kind`, `year` and `nature`, which the parser had to
 * recognise, are canonical. `line` fields are 1-based line numbers in the export.
 */
export type ExportedFormKind = '部门整体' | '二级项目';
export type ExportedNature = '≥' | '≤' | '=' | '定性';

export interface ExportedFundsRow {
  line: number;
  /** Row label as printed (`其中:财政拨款` stays half-width here). */
  label: string;
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
  rateWeight: string;
  rateScore: string;
}

export interface ExportedIndicator {
  line: number;
  name: string;
  unit: string;
  nature: ExportedNature;
  target: string;
  actual: string;
  deviation: string;
  coefficient: string;
  weight: string;
  score: string;
  /** `是` or `否`. */
  core: string;
  note: string;
}

export interface ExportedForm {
  /** Line of the form's title (`2023年度二级项目绩效自评表`). */
  line: number;
  /** The title as printed. */
  title: string;
  kind: ExportedFormKind;
  /** Four ASCII digits. */
  year: string;
  status: string;
  header: {
    name: string;
    code: string;
    selfScore: string;
    department: string;
    financeOffice: string;
    contact: string;
    phone: string;
  };
  funds: { total: ExportedFundsRow; fiscal: ExportedFundsRow; sources: ExportedFundsRow[] };
  goals: { line: number; initial: string; adjusted: string; achieved: string };
  indicators: ExportedIndicator[];
  /** Filled in by hand (a workbook with no 自评总分): nothing printed to cross-check, so no `reported`. */
  entry?: true;
}

/** A problem found while reading an export; the caller adds the file name. */
export interface ExportDiagnostic {
  code: string;
  severity: Severity;
  /** One clause in Chinese. */
  message: string;
  line: number;
  col: number;
  /** Where in the form the problem sits (`funds.fiscal`, `indicators[2]`), '' when nowhere in particular. */
  path: string;
  hint?: string;
}

export interface ParsedExport {
  forms: ExportedForm[];
  diagnostics: ExportDiagnostic[];
}
