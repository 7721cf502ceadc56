import { DecimalText } from '../load/form-schema.js';

/**
 * Whether a reported value says the same as a computed one. Numbers compare by value, so
 * `100` = `100.00` and `1190000` = `1,190,000.00` (a cross-check is about the figures, not
 * their formatting); any other text compares trimmed.
 */
export function samePrintedValue(reported: string, computed: string): boolean {
  const left = DecimalText.safeParse(reported);
  const right = DecimalText.safeParse(computed);
  if (left.success && right.success) return left.data.eq(right.data);
  return reported.trim() === computed.trim();
}
