import { Decimal } from 'decimal.js';
import type { FormReport } from '../build/check-forms.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printFix2 } from '../score/print-fix2.js';
import { round2 } from '../score/round2.js';
import { unmetIndicators, type UnmetIndicator } from './unmet-indicators.js';

export interface ReportForm {
  file: string;
  ok: boolean;
  department: string;
  form: string;
  code: string;
  name: string;
  /** 自评总分 (项目支出: 总分) as printed; '' when the form has errors. */
  selfScore: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  unmet: UnmetIndicator[];
}

export interface ReportDepartment {
  department: string;
  forms: number;
  /** Of the forms without errors: mean 自评总分 (ROUND, FIX2), lowest as printed, how many below 90. */
  scored: number;
  meanScore: string;
  minScore: string;
  below90: number;
}

export interface YearReport {
  forms: ReportForm[];
  departments: ReportDepartment[];
}

/** Below this 自评总分 a form is counted as weak (the usual 优 band starts at 90). */
const GOOD_SCORE = new Decimal(90);

function departmentOf(department: string, forms: ReportForm[]): ReportDepartment {
  const scored = forms.filter((form) => form.ok && form.selfScore !== '');
  const scores = scored.map((form) => new Decimal(form.selfScore));
  const min = scored.reduce<ReportForm | undefined>((low, form) => (!low || new Decimal(form.selfScore).lt(low.selfScore) ? form : low), undefined);
  return {
    department,
    forms: forms.length,
    scored: scored.length,
    meanScore: scores.length === 0 ? '' : printFix2(round2(scores.reduce((a, b) => a.plus(b), new Decimal(0)).div(scores.length))),
    minScore: min?.selfScore ?? '',
    below90: scores.filter((score) => score.lt(GOOD_SCORE)).length,
  };
}

/** Every form with its score, warnings, errors and missed indicators; per department the score figures. Pure. */
export function yearReport(reports: FormReport[]): YearReport {
  const forms: ReportForm[] = reports.map((report) => {
    const form = report.loaded?.form;
    return {
      file: report.file,
      ok: report.ok,
      department: form?.project.department ?? '',
      form: form?.form ?? '',
      code: form?.project.code ?? '',
      name: form?.project.name ?? '',
      selfScore: report.printed?.selfScore ?? '',
      errors: report.errors,
      warnings: report.warnings,
      unmet: form && report.ok ? unmetIndicators(form) : [],
    };
  });
  const sorted = [...forms].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const names = [...new Set(sorted.map((form) => form.department))];
  return { forms: sorted, departments: names.map((name) => departmentOf(name, sorted.filter((form) => form.department === name))) };
}
