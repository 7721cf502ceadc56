import type { ChongqingForm, Form } from '../load/form-schema.js';
import type { PrintedForm } from '../score/printed-form.js';
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
  project: ChongqingForm['project'];
  funds: Array<{ row: string; kind: string; initial: string; adjusted: string; executed: string; rate: string; rateWeight: string; rateScore: string }>;
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
  }>;
}

/** The view of a form for its family's templates (项目支出: see national-form-view.ts). */
export function formView(form: Form, printed: PrintedForm): FormView | NationalFormView {
  if (form.form === '项目支出') return nationalFormView(form, printed);
  return {
    title: `${form.year}年度${form.form}绩效自评表`,
    form: form.form,
    year: String(form.year),
    status: form.status,
    selfScore: printed.selfScore,
    project: form.project,
    funds: printed.funds.map((row) => ({
      row: row.row,
      kind: row.kind,
      initial: row.initial,
      adjusted: row.adjusted,
      executed: row.executed,
      rate: row.rate ?? '',
      rateWeight: row.rateWeight ?? '',
      rateScore: row.rateScore ?? '',
    })),
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
    })),
  };
}
