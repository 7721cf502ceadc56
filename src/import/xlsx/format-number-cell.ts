import { Decimal } from 'decimal.js';

/** What a number cell shows, or why it cannot be taken as shown. */
export type FormattedNumber = { text: string } | { problem: 'date' | 'unsupported'; format: string };

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that ziping reads; ids not listed and not dates are refused. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  49: '@',
};
/** Date and time formats, including the zh-CN ones (27–36, 50–58) that Excel and WPS write by id. */
const BUILT_IN_DATE = (id: number) => (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);

/** The format code for a style's numFmtId: custom (styles.xml numFmts) first, then built-in. */
export function numberFormatCode(id: number, custom: ReadonlyMap<number, string>): string | { date: true } | undefined {
  const code = custom.get(id);
  if (code !== undefined) return code;
  if (BUILT_IN_DATE(id)) return { date: true };
  return BUILT_IN[id];
}

/**
 * A number cell's raw `<v>` text as the cell displays it, in decimals throughout: General shows
 * at most 15 significant digits (so the float `0.30000000000000004` shows `0.3`), `0.00` and
 * `#,##0.00` round half up to their decimals (after the same 15 digits, as Excel does) with
 * grouping when the format has it, a percent format shows the value ×100 without the `%`
 * (the form's 执行率 and 偏离度 columns are percentages already). Dates and any other format
 * (scientific, fractions, literal text, scaling) are refused rather than guessed.
 */
export function formatNumberCell(raw: string, formatCode: string): FormattedNumber {
  let value: Decimal;
  try {
    value = new Decimal(raw.trim());
  } catch {
    return { problem: 'unsupported', format: formatCode };
  }
  if (!value.isFinite()) return { problem: 'unsupported', format: formatCode };
  value = value.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  const cleaned = cleanSection(firstSection(formatCode));
  if (cleaned === undefined) return { problem: 'unsupported', format: formatCode };
  const { section, literal } = cleaned;
  if (isDateFormat(section)) return { problem: 'date', format: formatCode };
  if (literal) return { problem: 'unsupported', format: formatCode };
  if (section === '' || /^general$/i.test(section) || section === '@') return { text: plain(value) };
  const match = /^([#0,]*[#0])(?:\.([0#]*))?(%?)$/.exec(section);
  if (!match) return { problem: 'unsupported', format: formatCode };
  const [, integer, fraction = '', percent] = match;
  if (percent) value = value.times(100);
  const most = fraction.length;
  const least = fraction.replace(/#+$/, '').length;
  if (/[^0]/.test(fraction.slice(0, least))) return { problem: 'unsupported', format: formatCode };
  let text = value.abs().toDecimalPlaces(most, Decimal.ROUND_HALF_UP).toFixed(most);
  if (most > least) text = text.replace(new RegExp(`(\\.\\d{${least}}\\d*?)0+$`), '$1').replace(/\.$/, '');
  if (integer.includes(',')) text = group(text);
  const negative = value.isNegative() && !new Decimal(text.replace(/,/g, '')).isZero();
  return { text: negative ? `-${text}` : text };
}

function plain(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

function group(text: string): string {
  const [integer, fraction] = text.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The section for positive numbers: up to the first `;` outside quotes. */
function firstSection(code: string): string {
  let quoted = false;
  for (let k = 0; k < code.length; k++) {
    if (code[k] === '"') quoted = !quoted;
    else if (code[k] === '\\') k++;
    else if (code[k] === ';' && !quoted) return code.slice(0, k);
  }
  return code;
}

/**
 * Drops what does not change the digits — colours and locale tags (`[Red]`, `[$-804]`),
 * padding (`_)`), fill (`* `) and spaces — and refuses literal text, currency symbols and
 * DBNum (Chinese numerals), which would put more than a number into the cell.
 */
function cleanSection(section: string): { section: string; literal: boolean } | undefined {
  let out = '';
  let literal = false;
  for (let k = 0; k < section.length; k++) {
    const char = section[k];
    if (char === '[') {
      const end = section.indexOf(']', k);
      if (end < 0) return undefined;
      const tag = section.slice(k + 1, end);
      if (/^\$-[0-9a-f]+$/i.test(tag) || /^(red|black|blue|cyan|green|magenta|white|yellow|color\d+)$/i.test(tag)) {
        k = end;
        continue;
      }
      if (/^[hms]+$/i.test(tag)) return { section: 'h', literal }; // elapsed time
      return undefined;
    }
    if (char === '_' || char === '*') {
      k++;
      continue;
    }
    if (char === ' ') continue;
    if (char === '"') {
      const end = section.indexOf('"', k + 1);
      if (end < 0) return undefined;
      literal ||= end > k + 1;
      k = end;
      continue;
    }
    if (char === '\\') {
      literal = true;
      k++;
      continue;
    }
    if (char === '$' || char === '¥' || char === '￥' || char === '年' || char === '月' || char === '日') {
      literal = true;
      continue;
    }
    out += char;
  }
  return { section: out, literal };
}

function isDateFormat(section: string): boolean {
  return /^general$/i.test(section) ? false : /[ymdhsYMDHS]|AM\/PM|A\/P|上午|下午|e{1,2}|g{1,3}/.test(section.replace(/E[+-]/g, ''));
}
