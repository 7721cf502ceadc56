import type { Decimal } from 'decimal.js';

/** TRIM (DESIGN §4): the exact value without trailing zeros or exponent — `3.33`, `20`, `0`, never `-0`. */
export function printTrim(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}
