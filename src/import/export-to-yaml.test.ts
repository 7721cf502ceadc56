import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { FormSchema } from '../load/form-schema.js';
import { scoreForm } from '../score/index.js';
import { exportToYaml } from './export-to-yaml.js';
import type { ExportedForm } from './exported-form.js';
import { parseExport } from './parse-export.js';

const SAMPLE = readFileSync(new URL('../../test/fixtures/yuzhong-2023-self-evaluation.txt', import.meta.url), 'utf8');
const FORMS = parseExport(SAMPLE).forms;

const readBack = (text: string) => YAML.parse(text, { schema: 'failsafe' });

describe('exportToYaml', () => {
  it('writes YAML that the form schema accepts, for every sample form', () => {
    for (const form of FORMS) {
      const parsed = FormSchema.safeParse(readBack(exportToYaml(form, { source: 'x.txt' })));
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('writes input values as printed, amounts without separators, and the printed results under reported', () => {
    const text = exportToYaml(FORMS[1], { source: 'yuzhong.txt' });
    expect(readBack(text)).toEqual({
      form: '二级项目',
      year: '2023',
      status: '绩效审核已审',
      profile: 'cq2023',
      project: {
        name: '夏季慰问及元旦、春节慰问',
        code: '50010322T000000148597',
        department: '024-重庆市渝中区人民政府办公室',
        financeOffice: '003-行事科',
        contact: '李路遥',
        phone: '63765419',
      },
      funds: {
        total: { initial: '1700000.00', adjusted: '1190000.00', executed: '1190000.00' },
        fiscal: { initial: '1700000.00', adjusted: '1190000.00', executed: '1190000.00' },
        sources: [{ name: '一般公共预算', initial: '1700000.00', adjusted: '1190000.00', executed: '1190000.00' }],
        rateWeight: '10.00',
      },
      goals: { initial: '做好全区2023年元旦春节及夏季慰问工作。', adjusted: '', achieved: '按计划做好了全区2023年元旦春节及夏季慰问工作。' },
      indicators: [
        { name: '慰问城管、住建、卫健等一线人员', unit: '人次', nature: '≥', target: '200', actual: '220', weight: '20', core: 'false', note: '' },
        { name: '慰问公安、消防、应急等一线人员', unit: '人次', nature: '≥', target: '200', actual: '240', weight: '20', core: 'false', note: '' },
        { name: '慰问水电气企业等一线人员', unit: '人次', nature: '≥', target: '200', actual: '200', weight: '10', core: 'false', note: '' },
        { name: '保障节假日期间全区安全稳定', unit: '无', nature: '定性', target: '100', actual: '1', grade: '达成', weight: '20', core: 'false', note: '' },
        { name: '保障节假日期间重点行业重点岗位工作运', unit: '无', nature: '定性', target: '100', actual: '1', grade: '达成', weight: '20', core: 'false', note: '' },
      ],
      reported: {
        selfScore: '100.00',
        funds: [
          { row: '年度总金额', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00' },
          { row: '其中：财政拨款', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100', rateWeight: '10.00', rateScore: '10.00' },
          { row: '一般公共预算', initial: '1,700,000.00', adjusted: '1,190,000.00', executed: '1,190,000.00', rate: '100' },
        ],
        indicators: [
          { name: '慰问城管、住建、卫健等一线人员', deviation: '10', coefficient: '100', weight: '20', score: '20' },
          { name: '慰问公安、消防、应急等一线人员', deviation: '20', coefficient: '100', weight: '20', score: '20' },
          { name: '慰问水电气企业等一线人员', deviation: '0', coefficient: '100', weight: '10', score: '10' },
          { name: '保障节假日期间全区安全稳定', deviation: '0', coefficient: '100', weight: '20', score: '20' },
          { name: '保障节假日期间重点行业重点岗位工作运', deviation: '0', coefficient: '100', weight: '20', score: '20' },
        ],
      },
    });
  });

  it('writes amounts and weights unquoted, and quotes numeric text so other YAML readers keep it text', () => {
    const text = exportToYaml(FORMS[0], { source: 'x.txt' });
    expect(text).toContain('  total: { initial: 17871602.07, adjusted: 19318825.52, executed: 19318275.64 }\n');
    expect(text).toContain('  rateWeight: 10.00\n');
    expect(text).toContain('    weight: 15\n');
    expect(text).toContain('  phone: "63765419"\n');
    expect(text).toContain('    target: "300"\n');
    expect(text).toContain('    nature: "="\n');
    expect(text).toContain('  selfScore: "100.00"\n');
    // The core schema (what editors use) must still see text where ziping expects text.
    const core = YAML.parse(text);
    expect(core.project.phone).toBe('63765419');
    expect(core.indicators[0].target).toBe('90');
  });

  it('starts with where the form came from, and the schema line when asked', () => {
    expect(exportToYaml(FORMS[2], { source: 'yuzhong.txt' }).split('\n').slice(0, 3)).toEqual([
      '# 由 ziping import 从 yuzhong.txt 第 66 行导入（2023年度二级项目绩效自评表）',
      '# reported 为导出文件中打印的计算值，ziping check 会与重新计算的结果逐项核对',
      '',
    ]);
    const withSchema = exportToYaml(FORMS[2], { source: 'a\nform: 部门整体', schema: '../form.schema.json' });
    expect(withSchema.split('\n')[0]).toBe('# yaml-language-server: $schema=../form.schema.json');
    expect(readBack(withSchema).form).toBe('二级项目');
  });

  it('gives the same text for the same form', () => {
    expect(exportToYaml(FORMS[0], { source: 'x.txt' })).toBe(exportToYaml(parseExport(SAMPLE).forms[0], { source: 'x.txt' }));
  });

  it('grades a 定性 row by the band of its printed coefficient', () => {
    const at = (coefficient: string) => {
      const form: ExportedForm = { ...FORMS[1], indicators: [{ ...FORMS[1].indicators[3], coefficient }] };
      const indicator = readBack(exportToYaml(form, { source: 'x.txt' })).indicators[0];
      return [indicator.grade, indicator.coefficient];
    };
    expect(at('100')).toEqual(['达成', undefined]);
    expect(at('90')).toEqual(['达成', '90']);
    expect(at('80')).toEqual(['达成', '80']);
    expect(at('79.99')).toEqual(['部分达成', '79.99']);
    expect(at('60')).toEqual(['部分达成', '60']);
    expect(at('0')).toEqual(['未达成', '0']);
  });

  it('keeps text that YAML would misread (leading #, colons, quotes, line breaks) intact', () => {
    const name = '#1: "重点"项目 - 第二期\n续';
    const form: ExportedForm = { ...FORMS[1], header: { ...FORMS[1].header, name }, indicators: [{ ...FORMS[1].indicators[0], note: '- 超额: 20%' }] };
    const back = readBack(exportToYaml(form, { source: 'x.txt' }));
    expect(back.project.name).toBe(name);
    expect(back.indicators[0].note).toBe('- 超额: 20%');
  });

  it('reports values that the scorer computes back exactly, for all 22 sample indicators', () => {
    for (const form of FORMS) {
      const parsed = FormSchema.parse(readBack(exportToYaml(form, { source: 'x.txt' })));
      const scored = scoreForm(parsed);
      expect(scored.diagnostics.filter((d) => d.code === 'W_REPORTED_MISMATCH' || d.severity === 'error')).toEqual([]);
      expect(scored.printed.selfScore).toBe(parsed.reported!.selfScore);
      expect(scored.printed.indicators).toEqual(parsed.reported!.indicators);
    }
  });
});
