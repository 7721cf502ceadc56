import type { RuleName } from '../load/format/format-definition.js';
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

/** The labels follow the form's rules: mof2020 forms print 分值, 年度指标值 …; cq2023 ones 指标权重, 指标值 …. */
const familyOf = (rules: RuleName): Family => (rules === 'mof2020' ? 'national' : 'chongqing');

/** `primary`'s labels and order, and `secondary`'s for what `primary` does not name. */
function merged(primary: LabelTable, secondary: LabelTable): LabelTable {
  return { rows: { ...secondary.rows, ...primary.rows }, fields: { ...primary.fields, ...secondary.fields, ...primary.fields } };
}

const cache = new Map<string, { source: LabelTable; printed: LabelTable }>();

/**
 * The label tables for a diff of two versions of one form: those of its rules (the same
 * path reads 指标权重 on a cq2023 form, 分值 on a mof2020 one). A form whose `form:` changed
 * rules between the versions is named as the new version, the old family's labels filling in
 * the fields only it has. Tables are shared, so collectChanges' per-table order cache holds.
 */
export function familyLabels(oldRules: RuleName | undefined, newRules: RuleName | undefined): { source: LabelTable; printed: LabelTable } {
  const primary = familyOf(newRules ?? oldRules ?? 'cq2023');
  const secondary = familyOf(oldRules ?? newRules ?? 'cq2023');
  if (primary === secondary) return TABLES[primary];
  const key = `${primary}/${secondary}`;
  let tables = cache.get(key);
  if (tables === undefined) {
    tables = { source: merged(TABLES[primary].source, TABLES[secondary].source), printed: merged(TABLES[primary].printed, TABLES[secondary].printed) };
    cache.set(key, tables);
  }
  return tables;
}
