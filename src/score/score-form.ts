import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import type { Form } from '../load/form-schema.js';
import type { PrintedForm } from './printed-form.js';
import { checkReported } from './check-reported.js';
import { scoreFunds } from './score-funds.js';
import { scoreIndicator } from './score-indicator.js';
import { scoreTotal } from './score-total.js';

export interface ScoredForm {
  printed: PrintedForm;
  /** Errors (the form must not be rendered) and warnings, without file positions. */
  diagnostics: UnlocatedDiagnostic[];
}

/** The score stage (DESIGN §4, profile cq2023): every computed value of a form as printed. */
export function scoreForm(form: Form): ScoredForm {
  const funds = scoreFunds(form.funds);
  const indicators = form.indicators.map((indicator, index) => scoreIndicator(indicator, index, form.profile));
  const fiscal = funds.rows.find((row) => row.kind === 'fiscal');
  const total = scoreTotal({
    rateWeight: form.funds.rateWeight,
    rateScore: fiscal?.rateScore ?? '',
    indicators: indicators.map((scored) => scored.printed),
    total: form.profile.total,
  });
  const printed: PrintedForm = {
    selfScore: total.selfScore,
    funds: funds.rows,
    indicators: indicators.map((scored) => scored.printed),
  };
  return {
    printed,
    diagnostics: [
      ...funds.diagnostics,
      ...indicators.flatMap((scored) => scored.diagnostics),
      ...total.diagnostics,
      ...checkReported(printed, form.reported),
    ],
  };
}
