/**
 * `1190000`, `1190000.00`, `1,190,000.00` (thousands separators every three digits), optionally
 * negative; at most 18 digits before the point and 10 after — far beyond any budget in 元, and
 * short enough that exact arithmetic stays instant (a 100k-digit value ran a build out of memory).
 */
export const DECIMAL_TEXT = /^-?(\d{1,3}(,\d{3}){1,5}|\d{1,18})(\.\d{1,10})?$/;

export const MAX_INTEGER_DIGITS = 18;
export const MAX_FRACTION_DIGITS = 10;
