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
  overallCount: string;
  projectCount: string;
  /** 项目支出 forms (national format). */
  nationalCount: string;
  /** `部门整体 1 张，二级项目 2 张，项目支出 1 张`: each form type the pack holds, in pack order. */
  formKinds: string;
  date: string;
}

/** The form types a cover counts, in pack order (see comparePackForms). */
const COVER_KINDS = ['部门整体', '二级项目', '项目支出'] as const;

export function coverView(group: PackGroup, date: Date): CoverView {
  const departments = new Set(group.forms.map((form) => form.department)).size;
  const count = (kind: string) => group.forms.filter((form) => form.form === kind).length;
  // Types the pack does not hold are left out, so a 项目支出-only pack does not list two zeros.
  const kinds = COVER_KINDS.filter((kind) => count(kind) > 0).map((kind) => `${kind} ${count(kind)} 张`);
  return {
    title: packTitle(group),
    year: String(group.year),
    department: group.department ?? `全部部门（${departments} 个）`,
    identifier: `${group.year}-${group.department ?? 'all'}-cover`,
    formCount: String(group.forms.length),
    overallCount: String(count('部门整体')),
    projectCount: String(count('二级项目')),
    nationalCount: String(count('项目支出')),
    formKinds: kinds.join('，'),
    date: formatPackDate(date),
  };
}

export function coverLayout(group: PackGroup, date: Date, templates: PackTemplates, metrics: TextMetrics): LayoutDocument {
  return layoutForm(coverView(group, date), templates.cover, metrics);
}
