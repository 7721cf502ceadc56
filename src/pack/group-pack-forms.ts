import { join } from 'node:path';
import { comparePackForms } from './compare-pack-forms.js';
import type { PackForm } from './pack-form.js';
import type { PackBy, PackGroup } from './pack-group.js';
import { safeFileName } from './safe-file-name.js';

/**
 * Forms → packs: one per (year, department), or one per year with `--by year`; each pack's
 * forms in pack order, packs in year then department order. Two departments whose names
 * sanitise to the same file name get the second one a numbered name rather than overwrite.
 */
export function groupPackForms(forms: PackForm[], by: PackBy, outDir: string): PackGroup[] {
  const groups = new Map<string, PackGroup>();
  for (const form of [...forms].sort((a, b) => a.year - b.year || comparePackForms(a, b))) {
    const department = by === 'department' ? form.department : null;
    const key = `${form.year}\u0000${department ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { year: form.year, department, forms: [], file: '' };
      groups.set(key, group);
    }
    group.forms.push(form);
  }
  const taken = new Set<string>();
  for (const group of groups.values()) {
    const base = group.department === null ? `${group.year}年度` : safeFileName(group.department);
    let name = base;
    for (let n = 2; taken.has(`${group.year}/${name}`); n++) name = `${base}-${n}`;
    taken.add(`${group.year}/${name}`);
    group.file = join(outDir, 'packs', String(group.year), `${name}.pdf`);
  }
  return [...groups.values()];
}
