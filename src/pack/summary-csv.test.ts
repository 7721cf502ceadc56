import { describe, expect, it } from 'vitest';
import { summaryCsv } from './summary-csv.js';
import type { SummaryRow } from './summary-row.js';

const row: SummaryRow = {
  kind: 'form',
  year: 2023,
  department: '024-重庆市渝中区人民政府办公室',
  form: '二级项目',
  code: '50010322T000000148597',
  name: '国家、市级调研课题,"政府报告"',
  group: 'project',
  total: { initial: '1700000.00', adjusted: '1190000.00', executed: '1190000.00', rate: '' },
  fiscal: { initial: '1700000.00', adjusted: '1190000.00', executed: '1190000.00', rate: '100' },
  selfScore: '100.00',
  unmet: 0,
  warnings: 1,
  file: 'data/x.yaml',
};

describe('summaryCsv', () => {
  it('starts with a UTF-8 BOM and a Chinese header row, and ends lines with CRLF', () => {
    const csv = summaryCsv([row]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['部门', '表单类型', '项目编码', '项目名称']);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('quotes a field holding a comma or quote (RFC 4180) and writes amounts without separators', () => {
    const line = summaryCsv([row]).split('\r\n')[1];
    expect(line).toBe('024-重庆市渝中区人民政府办公室,二级项目,50010322T000000148597,"国家、市级调研课题,""政府报告""",1700000.00,1190000.00,1190000.00,,1700000.00,1190000.00,1190000.00,100,100.00,0,1,data/x.yaml');
  });

  it.each(['=HYPERLINK("http://x","点我")', '+1+2', '-1+cmd|x', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a text Excel would run as a formula: %j', (name) => {
    const line = summaryCsv([{ ...row, name }]).split('\r\n')[1];
    const cell = line.split(',')[3];
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('keeps plain numbers, also negative ones, as numbers', () => {
    const line = summaryCsv([{ ...row, name: '-25', fiscal: { ...row.fiscal, rate: '-3.5' } }]).split('\r\n')[1];
    expect(line.split(',')[3]).toBe('-25');
    expect(line.split(',')[11]).toBe('-3.5');
  });
});
