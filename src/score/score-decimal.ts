import { Decimal } from 'decimal.js';

/**
 * Decimal constructor for scoring. Sixty significant digits keep every quotient of the
 * form's (≤ 25-digit) inputs far from a .xx5 boundary it does not really sit on, so the one
 * rounding that counts (ROUND to 2 decimals) never sees an earlier rounding. A clone, so
 * the global Decimal config that other stages use is never touched.
 */
export const ScoreDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
