/**
 * `20分` → { number: '20', unit: '分' }, `170万` → { number: '170', unit: '万' }: a number
 * followed by a unit, as typed beside a figure in a spreadsheet; null for anything else.
 */
export function splitNumberUnit(text: string): { number: string; unit: string } | null {
  const match = NUMBER_WITH_UNIT.exec(text);
  return match ? { number: match[1], unit: match[2] } : null;
}

/** Half-width number (thousands separators allowed), optional blanks, then a few non-digit characters. */
const NUMBER_WITH_UNIT = /^(-?(?:\d[\d,]*(?:\.\d+)?|\.\d+))[ \t]*([^\d\s.,+\-"'０-９]{1,6})$/;
