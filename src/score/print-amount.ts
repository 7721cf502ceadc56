import type { Decimal } from 'decimal.js';
import { printFix2 } from './print-fix2.js';

/** Amounts (DESIGN §4): FIX2 with thousands separators — `17,871,602.07`. */
export function printAmount(value: Decimal): string {
  const fixed = printFix2(value);
  const sign = fixed.startsWith('-') ? '-' : '';
  const [whole, fraction] = fixed.slice(sign.length).split('.');
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
