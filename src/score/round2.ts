import { Decimal } from 'decimal.js';

/** ROUND (DESIGN §4): half up (away from zero on a tie) to 2 decimals, mode given per call. */
export function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
