import { describe, expect, it } from 'vitest';
import { formatNumberCell, numberFormatCode } from './format-number-cell.js';

const shown = (raw: string, format: string) => formatNumberCell(raw, format);

describe('formatNumberCell', () => {
  it('shows General numbers with at most 15 significant digits, never a binary float expansion', () => {
    expect(shown('0.1', 'General')).toEqual({ text: '0.1' });
    expect(shown('0.10000000000000001', 'General')).toEqual({ text: '0.1' });
    expect(shown('0.30000000000000004', 'General')).toEqual({ text: '0.3' });
    expect(shown('1190000', 'General')).toEqual({ text: '1190000' });
    expect(shown('3.3300000000000001', 'General')).toEqual({ text: '3.33' });
    expect(shown('1.5E-3', 'General')).toEqual({ text: '0.0015' });
    expect(shown('123456789012345678', 'General')).toEqual({ text: '123456789012346000' });
    expect(shown('-0', 'General')).toEqual({ text: '0' });
  });

  it('rounds fixed formats half up to their decimals, grouping with #,##0', () => {
    expect(shown('1190000', '#,##0.00')).toEqual({ text: '1,190,000.00' });
    expect(shown('17871602.07', '#,##0.00')).toEqual({ text: '17,871,602.07' });
    expect(shown('19318825.515', '#,##0.00')).toEqual({ text: '19,318,825.52' });
    // 2.675 is 2.67499999999999982… as a double; Excel shows 2.68.
    expect(shown('2.6749999999999998', '0.00')).toEqual({ text: '2.68' });
    expect(shown('10', '0.00')).toEqual({ text: '10.00' });
    expect(shown('999.5', '#,##0')).toEqual({ text: '1,000' });
    expect(shown('3.5', '0')).toEqual({ text: '4' });
    expect(shown('1234.5', '#,##0.0#')).toEqual({ text: '1,234.5' });
    expect(shown('1234.567', '#,##0.0#')).toEqual({ text: '1,234.57' });
    expect(shown('1190000', '[Red]#,##0.00;[Red]-#,##0.00')).toEqual({ text: '1,190,000.00' });
    expect(shown('-12.5', '0.00')).toEqual({ text: '-12.50' });
  });

  it('shows percent formats as the percentage without the sign', () => {
    expect(shown('1', '0%')).toEqual({ text: '100' });
    expect(shown('0.0333', '0.00%')).toEqual({ text: '3.33' });
    expect(shown('0.2767', '0.00%')).toEqual({ text: '27.67' });
  });

  it('refuses dates and formats that add text or change the digits', () => {
    expect(shown('45000', 'yyyy/m/d')).toEqual({ problem: 'date', format: 'yyyy/m/d' });
    expect(shown('45000', 'yyyy"年"m"月"d"日"')).toMatchObject({ problem: 'date' });
    expect(shown('45000', '[$-804]yyyy年m月d日')).toMatchObject({ problem: 'date' });
    expect(shown('1200', '0.00E+00')).toMatchObject({ problem: 'unsupported' });
    expect(shown('1200', '#,##0.00"元"')).toMatchObject({ problem: 'unsupported' });
    expect(shown('1200', '[DBNum1]General')).toMatchObject({ problem: 'unsupported' });
    expect(shown('1200', '#,##0,')).toMatchObject({ problem: 'unsupported' });
    expect(shown('0.5', '[h]:mm')).toMatchObject({ problem: 'date' });
  });

  it('looks up built-in and custom format ids', () => {
    expect(numberFormatCode(4, new Map())).toBe('#,##0.00');
    expect(numberFormatCode(14, new Map())).toEqual({ date: true });
    expect(numberFormatCode(58, new Map())).toEqual({ date: true });
    expect(numberFormatCode(164, new Map([[164, '0.000']]))).toBe('0.000');
    expect(numberFormatCode(164, new Map())).toBeUndefined();
  });
});
