import { Decimal } from 'decimal.js';
import type { FormatDefinition } from '../load/format/format-definition.js';

/** How a format prints the comparison signs (format.yaml `signs`); 云南 prints them full-width. */
const FULLWIDTH_SIGNS: Record<string, string> = { '≥': '≧', '≤': '≦', '=': '═' };

/** A quantitative nature's sign as the format prints it; a 定性 indicator prints `定性`. */
export function printedNature(nature: string, format: FormatDefinition): string {
  return format.signs === 'fullwidth' ? (FULLWIDTH_SIGNS[nature] ?? nature) : nature;
}

/** The fields a variant adds (format.yaml `fields`), each as text ('' when not filled). */
export function extraValues(record: object, fields: FormatDefinition['fields']['project']): Record<string, string> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field.key, values[field.key] === undefined ? '' : String(values[field.key])]));
}

/**
 * 评价等级 of a printed total: the label of the highest band it reaches (format.yaml `grades`,
 * 优 ≥ 90 …), compared as the decimal printed, so the grade agrees with the number on the form.
 * '' when the format has no bands or the total is blank.
 */
export function ratingOf(total: string, format: FormatDefinition): string {
  if (!format.grades || total.trim() === '') return '';
  const value = new Decimal(total.replaceAll(',', ''));
  const band = [...format.grades].sort((a, b) => b.min - a.min).find((grade) => value.gte(grade.min));
  return band?.label ?? '';
}

/** A format's title with the form's year in it (`{{year}}年度部门整体绩效自评表`). */
export function formTitle(format: FormatDefinition, year: number): string {
  return format.title.replaceAll('{{year}}', String(year));
}
