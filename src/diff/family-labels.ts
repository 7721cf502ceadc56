import type { Form } from '../load/index.js';
import type { LabelTable } from './label-table.js';
import { NationalPrintedLabels } from './national-printed-labels.js';
import { NationalSourceLabels } from './national-source-labels.js';
import { PrintedLabels } from './printed-labels.js';
import { SourceLabels } from './source-labels.js';

const TABLES = {
  chongqing: { source: SourceLabels, printed: PrintedLabels },
  national: { source: NationalSourceLabels, printed: NationalPrintedLabels },
} as const;

type Family = keyof typeof TABLES;

const familyOf = (form: Form['form']): Family => (form === '项目支出' ? 'national' : 'chongqing');

/** `primary`'s labels and order, and `secondary`'s for what `primary` does not name. */
function merged(primary: LabelTable, secondary: LabelTable): LabelTable {
  return { rows: { ...secondary.rows, ...primary.rows }, fields: { ...primary.fields, ...secondary.fields, ...primary.fields } };
}

const cache = new Map<string, { source: LabelTable; printed: LabelTable }>();

/**
 * The label tables for a diff of two versions of one form: those of its family (the same
 * path reads 指标权重 on a Chongqing form, 分值 on a 项目支出 one). A form whose `form:` changed
 * family between the versions is named as the new version, the old family's labels filling in
 * the fields only it has. Tables are shared, so collectChanges' per-table order cache holds.
 */
export function familyLabels(oldForm: Form['form'] | undefined, newForm: Form['form'] | undefined): { source: LabelTable; printed: LabelTable } {
  const primary = familyOf(newForm ?? oldForm ?? '二级项目');
  const secondary = familyOf(oldForm ?? newForm ?? '二级项目');
  if (primary === secondary) return TABLES[primary];
  const key = `${primary}/${secondary}`;
  let tables = cache.get(key);
  if (tables === undefined) {
    tables = { source: merged(TABLES[primary].source, TABLES[secondary].source), printed: merged(TABLES[primary].printed, TABLES[secondary].printed) };
    cache.set(key, tables);
  }
  return tables;
}
