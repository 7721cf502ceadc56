import type { ChongqingForm, Form, NationalForm } from '../load/form-schema.js';
import type { FormatDefinition } from '../load/format/format-definition.js';
import type { PrintedForm } from '../score/printed-form.js';
import { extraValues, formTitle, printedNature, ratingOf } from './format-view-parts.js';
import { nationalFormView, type NationalFormView } from './national-form-view.js';

/**
 * What a 部门整体/二级项目 template sees: the form's own fields as text plus every printed
 * value, all as strings, every field present (templates compile in strict mode).
 */
export interface FormView {
  title: string;
  form: string;
  year: string;
  status: string;
  selfScore: string;
  /** 评价等级 of the total by the format's grade bands ('' when it has none). */
  rating: string;
  project: ChongqingForm['project'] & Record<string, string>;
  funds: Array<{ row: string; kind: string; initial: string; adjusted: string; executed: string; rate: string; rateWeight: string; rateScore: string }>;
  /** The same rows by kind (`total`, `fiscal`), for a template that places them itself. */
  fundRows: Record<string, FormView['funds'][number]>;
  goals: ChongqingForm['goals'];
  indicators: Array<{
    name: string;
    unit: string;
    nature: string;
    target: string;
    actual: string;
    grade: string;
    deviation: string;
    coefficient: string;
    weight: string;
    score: string;
    core: string;
    note: string;
    /** The sign as the format prints it (`≧` for full-width formats); `定性` for qualitative rows. */
    sign: string;
    /** ≥ ≤ = rows (a template prints 定量指标/定性指标 from it). */
    quantitative: boolean;
    /** A variant's added columns (format.yaml `fields.indicators`), by key. */
    [extra: string]: string | boolean;
  }>;
}

/** The view of a form for its format's template (mof2020 forms: see national-form-view.ts). */
export function formView(form: Form, printed: PrintedForm, format: FormatDefinition): FormView | NationalFormView {
  if (isNational(form)) return nationalFormView(form, printed, format);
  const funds = printed.funds.map((row) => ({
    row: row.row,
    kind: row.kind,
    initial: row.initial,
    adjusted: row.adjusted,
    executed: row.executed,
    rate: row.rate ?? '',
    rateWeight: row.rateWeight ?? '',
    rateScore: row.rateScore ?? '',
  }));
  return {
    title: formTitle(format, form.year),
    form: form.form,
    year: String(form.year),
    status: form.status,
    selfScore: printed.selfScore,
    rating: ratingOf(printed.selfScore, format),
    project: { ...form.project, ...extraValues(form.project, format.fields.project) },
    funds,
    fundRows: Object.fromEntries(funds.map((row) => [row.kind, row])),
    goals: form.goals,
    indicators: form.indicators.map((indicator, i) => ({
      name: indicator.name,
      unit: indicator.unit,
      nature: indicator.nature,
      target: indicator.target,
      actual: indicator.actual,
      grade: indicator.grade ?? '',
      deviation: printed.indicators[i].deviation,
      coefficient: printed.indicators[i].coefficient,
      weight: printed.indicators[i].weight,
      score: printed.indicators[i].score,
      core: indicator.core ? '是' : '否',
      note: indicator.note,
      sign: printedNature(indicator.nature, format),
      quantitative: indicator.nature !== '定性',
      ...extraValues(indicator, format.fields.indicators),
    })),
  };
}

function isNational(form: Form): form is NationalForm {
  return form.profile.name === 'mof2020';
}
