import type { Form, NationalForm } from '../load/form-schema.js';
import type { PrintedForm } from './printed-form.js';
import { type ScoredForm, scoredForm } from './scored-form.js';
import { scoreMof2020 } from './mof2020/score-mof2020.js';
import { scoreFunds } from './score-funds.js';
import { scoreIndicator } from './score-indicator.js';
import { scoreTotal } from './score-total.js';

/**
 * The score stage: every computed value of a form as printed, by the form's profile —
 * mof2020 (项目支出, 财预〔2020〕10号) or cq2023 (DESIGN §4).
 */
export function scoreForm(form: Form): ScoredForm {
  if (usesMof2020(form)) return scoreMof2020(form);
  const funds = scoreFunds(form.funds, form.profile.fundLabels);
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
  return scoredForm(printed, [funds, ...indicators, total], form.reported);
}

/** The profile picks the rules (a nested field, so TypeScript needs a guard to narrow the form). */
function usesMof2020(form: Form): form is NationalForm {
  return form.profile.name === 'mof2020';
}
