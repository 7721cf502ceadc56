import { describe, expect, it } from 'vitest';
import { coverView } from './cover-layout.js';
import { packFormatOf, type PackForm } from './pack-form.js';
import { builtInFormats } from '../load/format/format-registry.js';
import type { PackGroup } from './pack-group.js';

const group = (...kinds: string[]): PackGroup => ({
  year: 2023,
  department: '示例县水利局',
  file: 'x.pdf',
  forms: kinds.map((kind, index) => ({ form: kind, format: packFormatOf(builtInFormats(), kind), department: '示例县水利局', code: String(index) }) as PackForm),
});

describe('coverView', () => {
  it('counts 项目支出 forms with the others, listing the types in pack order', () => {
    const view = coverView(group('二级项目', '项目支出', '部门整体', '项目支出'), new Date('2024-01-02T00:00:00Z'));
    expect([view.formCount, view.overallCount, view.projectCount, view.nationalCount]).toEqual(['4', '1', '1', '2']);
    expect(view.formKinds).toBe('部门整体 1 张，二级项目 1 张，项目支出 2 张');
  });

  it('leaves out the types the pack does not hold', () => {
    expect(coverView(group('项目支出'), new Date(0)).formKinds).toBe('项目支出 1 张');
  });
});
