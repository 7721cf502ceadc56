import { describe, expect, it } from 'vitest';
import { comparePackForms } from './compare-pack-forms.js';
import { packFormatOf, type PackForm } from './pack-form.js';
import { builtInFormats } from '../load/format/format-registry.js';

const form = (department: string, kind: string, code: string, file = `${code}.yaml`) =>
  ({ department, form: kind, format: packFormatOf(builtInFormats(), kind), code, file }) as PackForm;

describe('comparePackForms', () => {
  it('puts 部门整体 first, then 二级项目 by project code, departments apart', () => {
    const forms = [
      form('B', '二级项目', '500103T2'),
      form('A', '二级项目', '500103T9'),
      form('A', '二级项目', '500103T1'),
      form('A', '部门整体', '500103P0'),
      form('B', '部门整体', '500103P1'),
    ];
    expect(forms.sort(comparePackForms).map((f) => `${f.department} ${f.code}`)).toEqual(['A 500103P0', 'A 500103T1', 'A 500103T9', 'B 500103P1', 'B 500103T2']);
  });

  it('orders forms with the same code by source path, so the order never depends on input order', () => {
    const a = form('A', '二级项目', 'X', 'a.yaml');
    const b = form('A', '二级项目', 'X', 'b.yaml');
    expect([b, a].sort(comparePackForms)).toEqual([a, b]);
  });

  it('puts 项目支出 forms with the 二级项目, by project code, after 部门整体', () => {
    const forms = [form('A', '项目支出', 'B-2'), form('A', '二级项目', 'C-1'), form('A', '项目支出', 'A-9'), form('A', '部门整体', 'Z-0')];
    expect(forms.sort(comparePackForms).map((f) => `${f.form} ${f.code}`)).toEqual(['部门整体 Z-0', '项目支出 A-9', '项目支出 B-2', '二级项目 C-1']);
  });
});
