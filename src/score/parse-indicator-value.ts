import type { Decimal } from 'decimal.js';
import { DecimalText } from '../load/form-schema.js';
import { ScoreDecimal } from './score-decimal.js';

/**
 * The number in a quantitative 指标值/全年完成值 text (`200`, `"1,190,000.00"`), parsed by the
 * schema's own decimal rule so load and score agree; null when the text is not a number.
 */
export function parseIndicatorValue(text: string): Decimal | null {
  const parsed = DecimalText.safeParse(text);
  return parsed.success ? new ScoreDecimal(parsed.data) : null;
}
