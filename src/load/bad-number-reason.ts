import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from './decimal-text-pattern.js';
import { splitNumberUnit } from './split-number-unit.js';

/**
 * Why a text is not an acceptable decimal, as a short Chinese clause for the message, or ''
 * when there is nothing more specific to say than "not a number".
 */
export function badNumberReason(text: string): string {
  if (text === '') return '为空';
  const digits = /^-?([\d,]+)(?:\.(\d+))?$/.exec(text);
  if (digits && (digits[1].replace(/,/g, '').length > MAX_INTEGER_DIGITS || (digits[2]?.length ?? 0) > MAX_FRACTION_DIGITS)) {
    return `位数过多：整数部分最多 ${MAX_INTEGER_DIGITS} 位，小数部分最多 ${MAX_FRACTION_DIGITS} 位`;
  }
  if (/[０-９，．－]/.test(text)) return '含全角字符，请用半角数字和标点';
  const unit = splitNumberUnit(text)?.unit;
  if (unit !== undefined) return `不要写单位“${unit}”`;
  if (/^[-+]?\.?(nan|inf(inity)?)$/i.test(text)) return '不是有限的数值';
  if (/^[-+]?[\d.]+e[-+]?\d+$/i.test(text)) return '不支持科学计数法';
  if (/^\d[\d,]*(\.\d+)?$/.test(text) && text.includes(',')) return '千位分隔符应每三位一个';
  if (/^\+/.test(text)) return '不要写正号';
  if (/^[-\d.]+$/.test(text) && (text.startsWith('.') || text.endsWith('.') || /\..*\./.test(text))) return '小数点位置不对';
  return '';
}
