import type { NationalForm } from '../load/form-schema.js';
import type { FormatDefinition } from '../load/format/format-definition.js';
import type { PrintedForm } from '../score/printed-form.js';
import { extraValues, formTitle, printedNature, ratingOf } from './format-view-parts.js';

/** A merged cell of the indicator tree: on the first row of its group only. */
export interface MergedLabel {
  text: string;
  /** Rows the group spans (the template's rowspan). */
  rows: number;
}

/**
 * What the 项目支出 template sees (财预〔2020〕10号 附件): the form's fields as text and every
 * printed value, all strings, every field present (templates compile in strict mode). The
 * 一级/二级指标 cells come as `false` on the rows their group's merged cell covers.
 */
export interface NationalFormView {
  title: string;
  /** `（2023年度）`, the line under the title. */
  yearLine: string;
  form: string;
  year: string;
  project: NationalForm['project'] & Record<string, string>;
  funds: Array<{ row: string; kind: string; initial: string; adjusted: string; executed: string; weight: string; rate: string; score: string }>;
  /** The same rows by kind (`total`, `fiscal`, `carryOver`, `other`), for a template that places them itself. */
  fundRows: Record<string, NationalFormView['funds'][number]>;
  goals: NationalForm['goals'];
  indicators: Array<{
    level1: (MergedLabel & { weight: string }) | false;
    level2: MergedLabel | false;
    name: string;
    /** 年度指标值 as printed: `≥200人次` for quantitative rows, the text as written for 定性. */
    target: string;
    /** 实际完成值 as printed: `220人次`, or the text as written. */
    actual: string;
    weight: string;
    score: string;
    note: string;
    /** 指标性质 as the format prints it: the sign (`≥`, or `≧` for full-width formats) or `定性`. */
    nature: string;
    quantitative: boolean;
    /** 指标值 and 完成值 as written, and the unit, for formats that print them in columns of their own. */
    targetValue: string;
    actualValue: string;
    unit: string;
    /** A variant's added columns (format.yaml `fields.indicators`), by key. */
    [extra: string]: unknown;
  }>;
  /** Rows the 绩效指标 label spans: the indicators' header row and every indicator row. */
  indicatorRows: string;
  /**
   * Template option, false here: `{{> national-indicators level1Points=true}}` prints each
   * 一级指标 with its Σ分值 (`产出指标（50分）`), as some provinces do; the official form does not.
   */
  level1Points: boolean;
  totalWeight: string;
  total: string;
  /** 评价等级 of the total by the format's grade bands ('' when it has none). */
  rating: string;
  /** The `注：` text; '' prints no note. */
  note: string;
}

/** 分值 and 得分 of the fund rows under 年度资金总额, which the official form marks `—` (their 执行率 stays blank). */
const NOT_APPLICABLE = '—';

/** The unit after a value; `无` (the system's "no unit") prints nothing. */
function withUnit(value: string, unit: string): string {
  return unit === '' || unit === '无' ? value : `${value}${unit}`;
}

/** The rows from `start` on that share `key` with it: the group a merged cell spans. */
function runLength<T>(items: readonly T[], start: number, key: (item: T) => string): number {
  let end = start + 1;
  while (end < items.length && key(items[end]) === key(items[start])) end++;
  return end - start;
}

export function nationalFormView(form: NationalForm, printed: PrintedForm, format: FormatDefinition): NationalFormView {
  const weights = new Map((printed.level1Weights ?? []).map((group) => [group.level1, group.weight]));
  const { indicators } = form;
  const level1Of = (i: (typeof indicators)[number]) => i.level1;
  const level2Of = (i: (typeof indicators)[number]) => `${i.level1}/${i.level2}`;
  const funds = printed.funds.map((row) => ({
    row: row.row,
    kind: row.kind,
    initial: row.initial,
    adjusted: row.adjusted,
    executed: row.executed,
    weight: row.rateWeight ?? NOT_APPLICABLE,
    rate: row.rate ?? '',
    score: row.rateScore ?? NOT_APPLICABLE,
  }));
  return {
    title: formTitle(format, form.year),
    yearLine: `（${form.year}年度）`,
    form: form.form,
    year: String(form.year),
    project: { ...form.project, ...extraValues(form.project, format.fields.project) },
    funds,
    fundRows: Object.fromEntries(funds.map((row) => [row.kind, row])),
    goals: form.goals,
    indicators: indicators.map((indicator, i) => {
      const quantitative = indicator.nature !== '定性';
      const nature = printedNature(indicator.nature, format);
      return {
        level1:
          i === 0 || level1Of(indicators[i - 1]) !== level1Of(indicator)
            ? { text: indicator.level1, rows: runLength(indicators, i, level1Of), weight: weights.get(indicator.level1) ?? '' }
            : false,
        level2: i === 0 || level2Of(indicators[i - 1]) !== level2Of(indicator) ? { text: indicator.level2, rows: runLength(indicators, i, level2Of) } : false,
        name: indicator.name,
        target: quantitative ? withUnit(`${nature}${indicator.target}`, indicator.unit) : indicator.target,
        actual: quantitative ? withUnit(indicator.actual, indicator.unit) : indicator.actual,
        weight: printed.indicators[i].weight,
        score: printed.indicators[i].score,
        note: indicator.note,
        nature,
        quantitative,
        targetValue: indicator.target,
        actualValue: indicator.actual,
        unit: indicator.unit === '无' ? '' : indicator.unit,
        ...extraValues(indicator, format.fields.indicators),
      };
    }),
    indicatorRows: String(indicators.length + 1),
    level1Points: false,
    totalWeight: printed.totalWeight ?? '',
    total: printed.selfScore,
    rating: ratingOf(printed.selfScore, format),
    note: form.note,
  };
}
