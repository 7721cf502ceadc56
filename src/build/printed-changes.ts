import { PrintedFundsColumn, PrintedIndicatorColumn, type PrintedForm } from '../score/printed-form.js';

const FUNDS_COLUMNS = PrintedFundsColumn;
// The name labels the row; only the computed columns can change.
const { name: _name, ...INDICATOR_COLUMNS } = PrintedIndicatorColumn;

/** The printed values that differ between two builds of a form, as `自评总分 100.00 → 98.50` (the total last). */
export function printedChanges(before: PrintedForm | undefined, after: PrintedForm): string[] {
  if (!before) return [];
  const changes: string[] = [];
  const note = (label: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? '') !== (b ?? '')) changes.push(`${label} ${a || '（空）'} → ${b || '（空）'}`);
  };
  after.funds.forEach((row, i) => {
    for (const [key, label] of Object.entries(FUNDS_COLUMNS)) {
      note(`${row.row}${label}`, before.funds[i]?.[key as keyof typeof FUNDS_COLUMNS], row[key as keyof typeof FUNDS_COLUMNS]);
    }
  });
  after.indicators.forEach((row, i) => {
    for (const [key, label] of Object.entries(INDICATOR_COLUMNS)) {
      note(`第${i + 1}个指标「${row.name}」${label}`, before.indicators[i]?.[key as keyof typeof INDICATOR_COLUMNS], row[key as keyof typeof INDICATOR_COLUMNS]);
    }
  });
  note('自评总分', before.selfScore, after.selfScore);
  return changes;
}
