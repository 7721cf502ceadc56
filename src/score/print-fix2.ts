import { Decimal } from 'decimal.js';

/** FIX2 (DESIGN §4): exactly 2 decimals, half up — `10.00`, never `-0.00`. */
export function printFix2(value: Decimal): string {
  const rounded = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(2);
}
