import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExport } from './parse-export.js';

const SAMPLE = readFileSync(new URL('../../test/fixtures/yuzhong-2023-self-evaluation.txt', import.meta.url), 'utf8');
const SAMPLE_LINES = SAMPLE.split('\n');

/** The sample's first `count` lines, then the first `chars` characters of the next one. */
function cutSample(count: number, chars = 0): string {
  return [...SAMPLE_LINES.slice(0, count), SAMPLE_LINES[count].slice(0, chars)].join('\n');
}

describe('parseExport on the published sample', () => {
  const { forms, diagnostics } = parseExport(SAMPLE);

  it('finds the three forms with no diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(forms.map((f) => [f.line, f.kind, f.year, f.header.code])).toEqual([
      [3, '部门整体', '2023', '50010300023P000024'],
      [38, '二级项目', '2023', '50010322T000000148597'],
      [66, '二级项目', '2023', '50010322T000000148601'],
    ]);
  });

  it('keeps every cell of the half-width form as printed', () => {
    const form = forms[1];
    expect(form.title).toBe('2023年度二级项目绩效自评表');
    expect(form.status).toBe('绩效审核已审');
    expect(form.header).toEqual({
      name: '夏季慰问及元旦、春节慰问',
      code: '50010322T000000148597',
      selfScore: '100.00',
      department: '024-重庆市渝中区人民政府办公室',
      financeOffice: '003-行事科',
      contact: '李路遥',
      phone: '63765419',
    });
    expect(form.funds.total).toEqual({
      line: 48, label: '年度总金额', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00',
      rate: '', rateWeight: '', rateScore: '',
    });
    expect(form.funds.fiscal).toEqual({
      line: 49, label: '其中:财政拨款', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00',
      rate: '100', rateWeight: '10.00', rateScore: '10.00',
    });
    expect(form.funds.sources).toEqual([
      { line: 50, label: '一般公共预算', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100', rateWeight: '', rateScore: '' },
    ]);
    expect(form.goals).toEqual({
      line: 55,
      initial: '做好全区2023年元旦春节及夏季慰问工作。',
      adjusted: '',
      achieved: '按计划做好了全区2023年元旦春节及夏季慰问工作。',
    });
    expect(form.indicators).toHaveLength(5);
    expect(form.indicators[3]).toEqual({
      line: 63, name: '保障节假日期间全区安全稳定', unit: '无', nature: '定性', target: '100', actual: '1',
      deviation: '0', coefficient: '100', weight: '20', score: '20', core: '否', note: '',
    });
  });

  it('reads every indicator row of every form, cell for cell', () => {
    const rows = forms.flatMap((form) => form.indicators);
    expect(rows).toHaveLength(22);
    for (const row of rows) {
      const cells = SAMPLE_LINES[row.line - 1].split('\t');
      expect([row.name, row.unit, row.nature, row.target, row.actual, row.deviation, row.coefficient, row.weight, row.score, row.core, row.note]).toEqual(cells);
    }
  });

  it('reads the same forms from CRLF text with every label in half-width punctuation', () => {
    const variant = SAMPLE.replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/\n/g, '\r\n');
    const parsed = parseExport(variant);
    expect(parsed.diagnostics).toEqual([]);
    const labelFree = (f: (typeof forms)[number]) => ({ ...f, funds: { ...f.funds, fiscal: { ...f.funds.fiscal, label: '' } } });
    expect(parsed.forms.map(labelFree)).toEqual(forms.map(labelFree));
  });
});

describe('parseExport on a cut-off export', () => {
  it('reports a row cut mid-table at its line and keeps the forms before it', () => {
    // Line 62 (third indicator of form 2) is cut after 14 characters: `慰问水电气企业等一线人员\t人次`.
    const { forms, diagnostics } = parseExport(cutSample(61, 14));
    expect(forms.map((f) => f.line)).toEqual([3]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', severity: 'error', line: 62, col: 15, path: 'indicators[2]' }),
    ]);
  });

  it('reports a row cut inside a number as cut off, not as a bad number', () => {
    // Line 14, 其中：财政拨款, ends inside its second amount.
    const { forms, diagnostics } = parseExport(cutSample(13, 30));
    expect(forms).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', line: 14, path: 'funds.fiscal' })]);
  });

  it('reports an export cut at a line break at the last line it has', () => {
    const { forms, diagnostics } = parseExport(cutSample(49) + '\n\n');
    expect(forms).toHaveLength(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', line: 49, col: 1 + [...SAMPLE_LINES[48]].length })]);
    expect(diagnostics[0].message).toContain('绩效目标');
  });

  it('reports a form that breaks off before the next title, and still reads the next form', () => {
    const text = [...SAMPLE_LINES.slice(0, 56), ...SAMPLE_LINES.slice(65)].join('\n');
    const { forms, diagnostics } = parseExport(text);
    expect(forms.map((f) => f.header.code)).toEqual(['50010300023P000024', '50010322T000000148601']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', line: 55 })]);
    expect(diagnostics[0].message).toContain('绩效指标');
  });

  it('reports an indicators table with a header and no rows as cut off', () => {
    const { forms, diagnostics } = parseExport(cutSample(59));
    expect(forms).toHaveLength(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_TRUNCATED', line: 59 })]);
  });
});

describe('parseExport on text that breaks the pattern', () => {
  it('says there is no form in a text that is not an export', () => {
    const { forms, diagnostics } = parseExport('会议纪要\n\n一、关于年度预算的讨论\t张三\n二、其他事项\n');
    expect(forms).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_NO_FORMS', severity: 'error', line: 1, col: 1 })]);
  });

  it('says there is no form in an empty text', () => {
    expect(parseExport('').diagnostics.map((d) => [d.code, d.line])).toEqual([['E_EXPORT_NO_FORMS', 1]]);
  });

  it('names the line and column of a bad amount, and reads the other forms', () => {
    const text = SAMPLE.replace('1,700,000.00\t1,190,000.00\t1,190,000.00\t100\t10.00', '1,700,000.00\t一百一十九万\t1,190,000.00\t100\t10.00');
    const { forms, diagnostics } = parseExport(text);
    expect(forms.map((f) => f.line)).toEqual([3, 66]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 49, col: 22, path: 'funds.fiscal' }),
    ]);
    expect(diagnostics[0].message).toContain('一百一十九万');
  });

  it('rejects a missing cell inside the export as malformed, not truncated', () => {
    const text = SAMPLE.replace('慰问水电气企业等一线人员\t人次\t≥\t200\t200\t0\t100\t10\t10\t否', '慰问水电气企业等一线人员\t人次\t≥\t200\t200\t0\t100\t\t10\t否');
    const { diagnostics } = parseExport(text);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 62, path: 'indicators[2]' })]);
    expect(diagnostics[0].message).toContain('指标权重');
  });

  it('rejects an unknown indicator nature and a 是否核心指标 other than 是/否', () => {
    const nature = parseExport(SAMPLE.replace('开展值班业务培训\t次\t≥', '开展值班业务培训\t次\t大于')).diagnostics;
    expect(nature).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 28, col: 12 })]);
    const core = parseExport(SAMPLE.replace('开展值班业务培训\t次\t≥\t10\t12\t20\t100\t5\t5\t否', '开展值班业务培训\t次\t≥\t10\t12\t20\t100\t5\t5\t不是')).diagnostics;
    expect(core).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 28 })]);
  });

  it('rejects a table whose columns differ from the export format, at the column', () => {
    const text = SAMPLE.replace('指标名称\t计量单位\t指标性质\t指标值', '指标名称\t指标性质\t计量单位\t指标值');
    const { forms, diagnostics } = parseExport(text);
    expect(forms).toHaveLength(2);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 24, col: 6 })]);
  });

  it('rejects a row with more cells than its table', () => {
    const { diagnostics } = parseExport(SAMPLE.replace('一般公共预算\t500,000.00\t499,995.86\t499,995.86\t100\t\t', '一般公共预算\t500,000.00\t499,995.86\t499,995.86\t100\t\t\t多余'));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 78 })]);
  });

  it('rejects a header block that lacks a label', () => {
    const text = SAMPLE.replace('部门联系人：\t余虹桥\t', '');
    const { forms, diagnostics } = parseExport(text);
    expect(forms).toHaveLength(2);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 73 })]);
    expect(diagnostics[0].message).toContain('部门联系人');
  });

  it('skips a form of an unknown kind with an error and reads the rest', () => {
    const { forms, diagnostics } = parseExport(SAMPLE.replace('2023年度部门整体绩效自评表', '2023年度项目支出绩效自评表'));
    expect(forms.map((f) => f.line)).toEqual([38, 66]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_UNSUPPORTED_FORM', line: 3 })]);
  });

  it('warns about text before the first form', () => {
    const { forms, diagnostics } = parseExport(`导出时间 2024-01-05\n${SAMPLE}`);
    expect(forms).toHaveLength(3);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'W_EXPORT_STRAY_TEXT', severity: 'warning', line: 1 })]);
  });

  it('joins a goal text that spans lines', () => {
    const text = SAMPLE.replace('做好全区2023年调研信息工作。\t', '做好全区2023年\n调研信息工作。\t');
    const { forms, diagnostics } = parseExport(text);
    expect(diagnostics).toEqual([]);
    expect(forms[2].goals.initial).toBe('做好全区2023年\n调研信息工作。');
    expect(forms[2].indicators[0].line).toBe(89);
  });

  it('rejects a 定性 coefficient above 100', () => {
    const text = SAMPLE.replace('保障全区疫情防控形势平稳有序\t\t定性\t达标\t1\t0\t100', '保障全区疫情防控形势平稳有序\t\t定性\t达标\t1\t0\t120');
    expect(parseExport(text).diagnostics).toEqual([expect.objectContaining({ code: 'E_EXPORT_MALFORMED', line: 34 })]);
  });
});

describe('parseExport on the sample cut at every character', () => {
  const full = parseExport(SAMPLE).forms;

  const halfWidthCrlf = SAMPLE.replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/\n/g, '\r\n');
  const withoutFiscalLabel = (form: (typeof full)[number]) => ({ ...form, funds: { ...form.funds, fiscal: { ...form.funds.fiscal, label: '' } } });

  it.each([
    ['the sample', SAMPLE],
    ['the sample with CRLF and half-width labels', halfWidthCrlf],
  ])('returns from %s only complete forms, or forms whose indicator rows are whole rows, with at most one error', (_, source) => {
    const chars = source; // all BMP characters, so a code-unit cut is a character cut
    for (let cut = 0; cut < chars.length; cut++) {
      const text = chars.slice(0, cut);
      const parsed = parseExport(text);
      const diagnostics = parsed.diagnostics;
      const forms = parsed.forms.map(withoutFiscalLabel);
      const lastLine = text.split(/\r\n|\r|\n/).length;
      const context = `cut at ${cut}: ${JSON.stringify(text.slice(-20))}`;
      expect(diagnostics.length, context).toBeLessThanOrEqual(1);
      for (const d of diagnostics) {
        expect(['E_EXPORT_TRUNCATED', 'E_EXPORT_NO_FORMS'], context).toContain(d.code);
        expect(d.line, context).toBeLessThanOrEqual(lastLine);
      }
      forms.forEach((form, index) => {
        const original = withoutFiscalLabel(full[index]);
        if (index < forms.length - 1) expect(form, context).toEqual(original);
        else expect({ ...form, indicators: [] }, context).toEqual({ ...original, indicators: [] });
        // A cut can only end the last table between rows or in a row's empty 说明.
        form.indicators.forEach((row, k) => expect(row, context).toEqual(original.indicators[k]));
      });
      if (diagnostics.length === 0 && cut > 0) expect(forms.length, context).toBeGreaterThan(0);
    }
  });
});
