/** The score stage's front door (DESIGN §4): pure functions from a Form to its printed values. */
export { scoreForm } from './score-form.js';
export type { ScoredForm } from './scored-form.js';
export { scoreMof2020 } from './mof2020/score-mof2020.js';
export { NationalFundsRowLabel } from './mof2020/national-funds-row-label.js';
export { scoreFunds, type ScoredFunds } from './score-funds.js';
export { scoreIndicator, type ScoredIndicator } from './score-indicator.js';
export { scoreTotal, type ScoredTotal, type TotalInput } from './score-total.js';
export { checkReported } from './check-reported.js';
export { round2 } from './round2.js';
export { printTrim } from './print-trim.js';
export { printFix2 } from './print-fix2.js';
export { printAmount } from './print-amount.js';
export { ScoreCode } from './score-code.js';
export { FundsRowLabel, type PrintedForm, type PrintedFundsRow, type PrintedIndicator } from './printed-form.js';
