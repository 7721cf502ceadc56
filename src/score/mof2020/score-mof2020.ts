import type { NationalForm } from '../../load/form-schema.js';
import type { PrintedForm } from '../printed-form.js';
import { type ScoredForm, scoredForm } from '../scored-form.js';
import { level1Weights } from './level1-weights.js';
import { scoreNationalFunds } from './score-national-funds.js';
import { scoreNationalIndicator } from './score-national-indicator.js';
import { scoreNationalTotal } from './score-national-total.js';

/**
 * Profile mof2020: the 项目支出绩效自评表 of 财预〔2020〕10号 附件. Every computed value as the
 * form prints it (scores ROUND to 2 decimals, TRIM), and the same `reported` cross-check as cq2023.
 */
export function scoreMof2020(form: NationalForm): ScoredForm {
  const funds = scoreNationalFunds(form.funds, form.profile.printUnit, form.profile.fundLabels, form.profile.omittedRows);
  const indicators = form.indicators.map((indicator, index) => scoreNationalIndicator(indicator, index));
  const totalRow = funds.rows.find((row) => row.kind === 'total');
  const total = scoreNationalTotal({
    rateWeight: form.funds.rateWeight,
    rateScore: totalRow?.rateScore ?? '',
    indicators: form.indicators.map((indicator, index) => ({ weight: indicator.weight, score: indicators[index].score })),
  });
  const printed: PrintedForm = {
    selfScore: total.total,
    funds: funds.rows,
    indicators: indicators.map((scored) => scored.printed),
    totalWeight: total.totalWeight,
    level1Weights: level1Weights(form.indicators),
  };
  return scoredForm(printed, [funds, ...indicators, total], form.reported);
}
