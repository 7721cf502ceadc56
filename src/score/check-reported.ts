import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { ReportedData } from '../load/form-schema.js';
import { PrintedFundsColumn, PrintedIndicatorColumn, type PrintedForm, type PrintedIndicator } from './printed-form.js';
import { normalizeLabel } from './normalize-label.js';
import { samePrintedValue } from './same-printed-value.js';
import { ScoreCode } from './score-code.js';

const FundsFieldLabel = PrintedFundsColumn;
const IndicatorFieldLabel = PrintedIndicatorColumn;

/**
 * W_REPORTED_MISMATCH for every `reported:` value that differs from the computed one
 * (DESIGN §4); funds rows match by label (full/half-width alike), indicators by position.
 * The path points at the reported value, where the user will look.
 */
export function checkReported(printed: PrintedForm, reported: ReportedData | undefined): UnlocatedDiagnostic[] {
  if (reported === undefined) return [];
  const diagnostics: UnlocatedDiagnostic[] = [];
  const compare = (path: string, field: string, reportedValue: string | undefined, computed: string | undefined) => {
    if (reportedValue === undefined || samePrintedValue(reportedValue, computed ?? '')) return;
    diagnostics.push({
      code: ScoreCode.REPORTED_MISMATCH,
      severity: 'warning',
      message: `${field}：报送值 ${show(reportedValue)}，计算值 ${show(computed ?? '')}`,
      path,
    });
  };

  compare('reported.selfScore', '自评总分', reported.selfScore, printed.selfScore);

  (reported.funds ?? []).forEach((reportedRow, index) => {
    const path = `reported.funds[${index}]`;
    const row = printed.funds.find((candidate) => normalizeLabel(candidate.row) === normalizeLabel(reportedRow.row));
    if (row === undefined) {
      diagnostics.push(unmatched(`${path}.row`, `资金情况中没有“${reportedRow.row}”行，报送值无法核对`));
      return;
    }
    for (const [field, label] of Object.entries(FundsFieldLabel) as [keyof typeof FundsFieldLabel, string][]) {
      compare(`${path}.${field}`, `资金情况“${row.row}”${label}`, reportedRow[field], row[field]);
    }
  });

  (reported.indicators ?? []).forEach((reportedIndicator, index) => {
    const path = `reported.indicators[${index}]`;
    const indicator = printed.indicators[index];
    if (indicator === undefined) {
      diagnostics.push(unmatched(path, `绩效指标只有 ${printed.indicators.length} 行，第 ${index + 1} 行的报送值无法核对`));
      return;
    }
    for (const [field, label] of Object.entries(IndicatorFieldLabel) as [keyof PrintedIndicator, string][]) {
      compare(`${path}.${field}`, `绩效指标第 ${index + 1} 行“${indicator.name}”${label}`, reportedIndicator[field], indicator[field]);
    }
  });

  return diagnostics;
}

function unmatched(path: string, message: string): UnlocatedDiagnostic {
  return { code: ScoreCode.REPORTED_UNMATCHED, severity: 'warning', message, path };
}

function show(value: string): string {
  return value.trim() === '' ? '（空）' : value;
}
