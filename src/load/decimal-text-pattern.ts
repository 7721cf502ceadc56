/** `1190000`, `1190000.00`, `1,190,000.00` (thousands separators every three digits), optionally negative. */
export const DECIMAL_TEXT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
