import { layoutForm, type LayoutDocument } from '../layout/index.js';
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
  date: string;
}

export function coverView(group: PackGroup, date: Date): CoverView {
  const departments = new Set(group.forms.map((form) => form.department)).size;
  return {
    title: packTitle(group),
    year: String(group.year),
    department: group.department ?? `全部部门（${departments} 个）`,
    identifier: `${group.year}-${group.department ?? 'all'}-cover`,
    formCount: String(group.forms.length),
    overallCount: String(group.forms.filter((form) => form.form === '部门整体').length),
    projectCount: String(group.forms.filter((form) => form.form === '二级项目').length),
    date: formatPackDate(date),
  };
}

export function coverLayout(group: PackGroup, date: Date, templates: PackTemplates): LayoutDocument {
  return layoutForm(coverView(group, date), templates.cover);
}
