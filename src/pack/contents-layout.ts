import { layoutForm, type LayoutDocument, type TextMetrics } from '../layout/index.js';
import type { PackGroup } from './pack-group.js';
import type { PackTemplates } from './pack-templates.js';
import { packTitle } from './pack-title.js';

export interface ContentsEntryView {
  index: string;
  department: string;
  form: string;
  code: string;
  name: string;
  selfScore: string;
  page: string;
}

/** The contents page(s): one row per form with the pack page its first page lands on (1-based). */
export function contentsLayout(group: PackGroup, firstPages: number[], templates: PackTemplates, metrics: TextMetrics): LayoutDocument {
  const entries: ContentsEntryView[] = group.forms.map((form, index) => ({
    index: String(index + 1),
    department: form.department,
    form: form.form,
    code: form.code,
    name: form.name,
    selfScore: form.printed.selfScore,
    page: String(firstPages[index]),
  }));
  const view = {
    title: `${packTitle(group)} 目录`,
    department: group.department ?? '',
    identifier: `${group.year}-${group.department ?? 'all'}-contents`,
    byYear: group.department === null,
    entries,
  };
  return layoutForm(view, templates.contents, metrics);
}
