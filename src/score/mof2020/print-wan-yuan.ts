import { Decimal } from 'decimal.js';
import type { NationalForm } from '../../load/form-schema.js';
import { printAmount } from '../print-amount.js';

/** 1 元 with 2 decimals is 0.000001 万元: six places print any 元 amount exactly. */
const MAX_PLACES = 6;

/**
 * An amount of the national form, which prints 万元 (`项目资金（万元）`): written in 元 it is
 * divided by 10 000. At least 2 decimals, more only as far as the value has them (up to 6),
 * so no written 元 is rounded away; thousands separators as in DESIGN §4 (`1,190.50`).
 */
export function printWanYuan(amount: Decimal, unit: NationalForm['funds']['unit'], printUnit: NationalForm['funds']['unit'] = '万元'): string {
  // A format printing 元 (云南's 公开14表): amounts with 2 decimals, as the budget system prints them.
  if (printUnit === '元') return printAmount(unit === '万元' ? amount.times(10000) : amount);
  const value = unit === '元' ? amount.div(10000) : amount;
  const places = Math.min(MAX_PLACES, Math.max(2, value.decimalPlaces()));
  // Amounts are never negative (the schema's Amount), so there is no sign to place.
  const [whole, fraction] = value.toFixed(places, Decimal.ROUND_HALF_UP).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
