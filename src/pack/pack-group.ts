import type { PackForm } from './pack-form.js';

export type PackBy = 'department' | 'year';

/** The forms of one pack PDF, already in pack order. */
export interface PackGroup {
  year: number;
  /** The department's name (`project.department`); null for a whole-year pack (`--by year`). */
  department: string | null;
  forms: PackForm[];
  /** `<out>/packs/<year>/<department>.pdf` */
  file: string;
}
