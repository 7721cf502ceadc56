import type { PrintedForm } from '../../score/printed-form.js';

/** A printed value of the re-scored source that the PDF's text does not show where it should. */
export interface PrintedMismatch {
  /** Where: `自评总分`, a funds row label, or an indicator name. */
  row: string;
  /** The field label as the form prints it (指标得分, 执行率, …). */
  field: string;
  expected: string;
  /** The PDF's text of that row (or '' when the row itself was not found). */
  found: string;
}

interface Row {
  anchor: string;
  values: { field: string; value: string }[];
  /** true: the first value must directly follow the anchor (a label cell and its value). */
  adjacent?: boolean;
}

const FUNDS_FIELDS = [
  ['initial', '年初预算数'],
  ['adjusted', '全年（调整）预算数'],
  ['executed', '全年执行数'],
  ['rate', '执行率'],
  ['rateWeight', '执行率权重'],
  ['rateScore', '执行率得分'],
] as const;
const INDICATOR_FIELDS = [
  ['deviation', '偏离度'],
  ['coefficient', '得分系数'],
  ['weight', '指标权重'],
  ['score', '指标得分'],
] as const;

function rowsOf(printed: PrintedForm): Row[] {
  return [
    { anchor: '自评总分', values: [{ field: '自评总分', value: printed.selfScore }], adjacent: true },
    ...printed.funds.map((row) => ({
      anchor: row.row,
      values: FUNDS_FIELDS.map(([key, field]) => ({ field, value: row[key] ?? '' })).filter((v) => v.value !== ''),
    })),
    ...printed.indicators.map((indicator) => ({
      anchor: indicator.name,
      values: INDICATOR_FIELDS.map(([key, field]) => ({ field, value: indicator[key] })).filter((v) => v.value !== ''),
    })),
  ];
}

/** The text without white space, and for each of its characters the index in the original. */
function flatten(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (/\s/.test(text[i])) continue;
    flat += text[i];
    at.push(i);
  }
  return { flat, at };
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const squeeze = (text: string) => text.replace(/\s+/g, '');
const tokens = (text: string) => text.split(/\s+/).map((t) => t.replace(/^[:：]/, '')).filter(Boolean);

function missingValues(row: Row, segment: string[]): Row['values'] {
  if (row.adjacent) return segment[0] === row.values[0].value ? [] : row.values;
  const counts = new Map<string, number>();
  for (const token of segment) counts.set(token, (counts.get(token) ?? 0) + 1);
  return row.values.filter(({ value }) => {
    const left = counts.get(value) ?? 0;
    counts.set(value, left - 1);
    return left <= 0;
  });
}

/**
 * Checks the printed values of a re-scored form against a PDF's text (reading order, as
 * `pdftotext -raw` gives it). Rows are found by their label or indicator name, in order and
 * regardless of line breaks; each row's values must be among the words between it and the next
 * row, so the check follows the template's columns without knowing them.
 */
export function comparePrintedValues(printed: PrintedForm, text: string): PrintedMismatch[] {
  const { flat, at } = flatten(text);
  const rows = rowsOf(printed);
  const mismatches: PrintedMismatch[] = [];
  let cursor = 0;
  rows.forEach((row, index) => {
    const anchor = squeeze(row.anchor);
    const nextAnchor = rows[index + 1] ? squeeze(rows[index + 1].anchor) : undefined;
    let matched = false;
    let firstFailure: { segment: string; missing: Row['values'] } | undefined;
    // The label may also occur earlier in free text (a goal that repeats an indicator's name):
    // try each occurrence until one carries the values.
    for (let found = flat.indexOf(anchor, cursor); anchor && found >= 0 && !matched; found = flat.indexOf(anchor, found + 1)) {
      const end = found + anchor.length;
      const next = nextAnchor ? flat.indexOf(nextAnchor, end) : -1;
      const segment = tokens(text.slice(at[end - 1] + 1, next >= 0 ? at[next] : text.length));
      const missing = missingValues(row, segment);
      if (missing.length === 0) {
        matched = true;
        cursor = end;
      } else {
        firstFailure ??= { segment: clip(segment.join(' ')), missing };
      }
    }
    if (matched) return;
    const missing = firstFailure?.missing ?? row.values;
    mismatches.push(...missing.map(({ field, value }) => ({ row: row.anchor, field, expected: value, found: firstFailure?.segment ?? '' })));
  });
  return mismatches;
}
