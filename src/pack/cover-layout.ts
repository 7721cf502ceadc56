import { layoutForm, type LayoutDocument, type TextMetrics } from '../layout/index.js';
import { formatPackDate } from './format-pack-date.js';
import type { PackGroup } from './pack-group.js';
import type { PackTemplates } from './pack-templates.js';
import { packTitle } from './pack-title.js';

/** What the cover template sees; every field a string (templates compile in strict mode). */
export interface CoverView {
  title: string;
  year: string;
  department: string;
  identifier: string;
  formCount: string;
  /** Forms of the 部门整体 family. */
  overallCount: string;
  /** Project forms scored by cq2023 (二级项目). */
  projectCount: string;
  /** Forms scored by mof2020 (项目支出 and its variants). */
  nationalCount: string;
  /** `部门整体 1 张，二级项目 2 张，项目支出 1 张`: each form type the pack holds, in pack order. */
  formKinds: string;
  date: string;
}

export function coverView(group: PackGroup, date: Date): CoverView {
  const departments = new Set(group.forms.map((form) => form.department)).size;
  const count = (kind: string) => group.forms.filter((form) => form.form === kind).length;
  const countWhere = (test: (form: PackGroup['forms'][number]) => boolean) => String(group.forms.filter(test).length);
  // The formats the pack holds, in the registry's order (部门整体 first); absent ones are left out.
  const kinds = [...new Map(group.forms.map((form) => [form.form, form.format.order])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([kind]) => `${kind} ${count(kind)} 张`);
  return {
    title: packTitle(group),
    year: String(group.year),
    department: group.department ?? `全部部门（${departments} 个）`,
    identifier: `${group.year}-${group.department ?? 'all'}-cover`,
    formCount: String(group.forms.length),
    overallCount: countWhere((form) => form.format.family === '部门整体'),
    projectCount: countWhere((form) => form.format.family === '项目支出' && form.format.rules === 'cq2023'),
    nationalCount: countWhere((form) => form.format.rules === 'mof2020'),
    formKinds: kinds.join('，'),
    date: formatPackDate(date),
  };
}

export function coverLayout(group: PackGroup, date: Date, templates: PackTemplates, metrics: TextMetrics): LayoutDocument {
  return layoutForm(coverView(group, date), templates.cover, metrics);
}
