import type { PrintedForm } from '../../score/printed-form.js';
import { sourceTexts } from '../../load/source-texts.js';

/** A printed value of the re-scored source that the PDF's text does not show where it should. */
export interface PrintedMismatch {
  /** Where: `自评总分`/`总分`, a funds row label, an indicator name, or a 一级指标. */
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
  /** true: the values, in order, must directly follow the anchor (a label cell and its values). */
  adjacent?: boolean;
}

type FundsKey = 'initial' | 'adjusted' | 'executed' | 'rate' | 'rateWeight' | 'rateScore';
type IndicatorKey = 'deviation' | 'coefficient' | 'weight' | 'score';

/** Field labels as each family's form prints them (the values checked are the same keys). */
const FIELDS = {
  cq2023: {
    funds: [
      ['initial', '年初预算数'],
      ['adjusted', '全年（调整）预算数'],
      ['executed', '全年执行数'],
      ['rate', '执行率'],
      ['rateWeight', '执行率权重'],
      ['rateScore', '执行率得分'],
    ],
    indicators: [
      ['deviation', '偏离度'],
      ['coefficient', '得分系数'],
      ['weight', '指标权重'],
      ['score', '指标得分'],
    ],
  },
  // 项目支出 prints 分值/执行率/得分 on 年度资金总额 only, and no 偏离度/得分系数 (those are '').
  mof2020: {
    funds: [
      ['initial', '年初预算数'],
      ['adjusted', '全年预算数'],
      ['executed', '全年执行数'],
      ['rateWeight', '分值'],
      ['rate', '执行率'],
      ['rateScore', '得分'],
    ],
    indicators: [
      ['weight', '分值'],
      ['score', '得分'],
    ],
  },
} satisfies Record<string, { funds: [FundsKey, string][]; indicators: [IndicatorKey, string][] }>;

/**
 * mof2020 is the only profile that fills `totalWeight` (the 总分 row's 分值), so the printed
 * form itself says which family's labels and total row to look for.
 */
const isNational = (printed: PrintedForm) => printed.totalWeight !== undefined;

/**
 * The rows and values to look for. With `laidOut` (the texts the form's own template lays out),
 * only what that template prints: a format may leave out a column (四川 prints no 年初预算数: no
 * laid-out text holds the label) or a row (no 上年结转资金), or print a row under a label of its own.
 */
function rowsOf(printed: PrintedForm, laidOut?: readonly string[]): Row[] {
  const shown = laidOut?.map(squeeze);
  const prints = (label: string) => shown === undefined || shown.some((text) => text.includes(squeeze(label)));
  const printsRow = (label: string) => shown === undefined || shown.includes(squeeze(label));
  const family = FIELDS[isNational(printed) ? 'mof2020' : 'cq2023'];
  const fields = { funds: family.funds.filter(([, label]) => prints(label)), indicators: family.indicators.filter(([, label]) => prints(label)) };
  const funds = printed.funds.filter((row) => printsRow(row.row)).map((row) => ({
    anchor: row.row,
    values: fields.funds.map(([key, field]) => ({ field, value: row[key] ?? '' })).filter((v) => v.value !== ''),
  }));
  const indicators = printed.indicators.map((indicator) => ({
    anchor: indicator.name,
    values: fields.indicators.map(([key, field]) => ({ field, value: indicator[key] })).filter((v) => v.value !== ''),
  }));
  if (!isNational(printed)) {
    // 自评总分 sits in the head, before the funds table.
    // As the template labels it: `自评总分：`, or `自评总分(分)：` with its unit (重庆 2021).
    const label = shown?.find((text) => text.startsWith('自评总分')) ?? '自评总分';
    return [{ anchor: label, values: [{ field: '自评总分', value: printed.selfScore }], adjacent: true }, ...funds, ...indicators];
  }
  // 总分 is the last row of the indicators table: its 分值, then its 得分 (the total).
  const total: Row = {
    anchor: '总分',
    values: [
      { field: '分值', value: printed.totalWeight ?? '' },
      { field: '总分', value: printed.selfScore },
    ].filter((v) => v.value !== ''),
    adjacent: true,
  };
  return [...funds, ...indicators, total];
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

/** A value as compared: a format may print 得分系数 `100` as `100%` (重庆 2021). */
const unpercent = (text: string | undefined) => text?.replace(/%$/, '');

function missingValues(row: Row, segment: string[]): Row['values'] {
  if (row.adjacent) return row.values.filter((v, i) => unpercent(segment[i]) !== unpercent(v.value));
  const counts = new Map<string, number>();
  for (const token of segment.map(unpercent)) counts.set(token!, (counts.get(token!) ?? 0) + 1);
  return row.values.filter(({ value }) => {
    const left = counts.get(unpercent(value)!) ?? 0;
    counts.set(unpercent(value)!, left - 1);
    return left <= 0;
  });
}

/**
 * Checks the printed values of a re-scored form against a PDF's text (reading order, as
 * `pdftotext -raw` gives it). Rows are found by their label or indicator name, in order and
 * regardless of line breaks; each row's values must be among the words between it and the next
 * row, so the check follows the template's columns without knowing them.
 */
export function comparePrintedValues(printed: PrintedForm, text: string, laidOut?: readonly string[]): PrintedMismatch[] {
  const { flat, at } = flatten(text);
  const rows = rowsOf(printed, laidOut);
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
  // A 项目支出 template may print each 一级指标 with its Σ分值 (产出指标（50分）, the level1Points
  // option, or 产出指标(50分) as 四川 does), repeated on continuation pages; the official form
  // prints none. Every one printed must be right.
  for (const { level1, weight } of printed.level1Weights ?? []) {
    const shown = [...flat.matchAll(new RegExp(`${level1}[（(]([^）)]*)分[）)]`, 'g'))].find((match) => match[1] !== weight);
    if (shown) mismatches.push({ row: level1, field: '分值', expected: weight, found: shown[0] });
  }
  return mismatches;
}

/**
 * The source's texts (project, names, goals, notes, targets as written) that the form prints —
 * those that occur in `laidOut`, the texts of the source laid out with the built-in template —
 * but the PDF's text does not show. White space is ignored (line breaks inside a cell), so a
 * changed name or goal is found even when no number changed.
 */
export function missingPrintedTexts(form: object, laidOut: string[], text: string): { path: string; expected: string }[] {
  const flat = squeeze(text);
  const printed = squeeze(laidOut.join('\u0000'));
  return sourceTexts(form)
    .filter(({ text: value }) => printed.includes(squeeze(value)) && !flat.includes(squeeze(value)))
    .map(({ path, text: value }) => ({ path, expected: value }));
}
