import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ChongqingFormSchema, NationalFormSchema } from '../load/form-schema.js';
import { schemaFieldAt } from '../load/schema-field-at.js';
import { genericPath } from './generic-path.js';
import type { LabelTable } from './label-table.js';
import { NationalSourceLabels } from './national-source-labels.js';
import { SourceLabels } from './source-labels.js';

/** Every leaf field a family's schema accepts, as generic paths (`indicators[].actual`). */
function schemaLeaves(root: z.ZodType, path: (string | number)[] = []): string[] {
  const keys = schemaFieldAt(path, root).keys;
  if (keys !== undefined) return keys.flatMap((key) => schemaLeaves(root, [...path, key]));
  const item = [...path, 0];
  if (path.length > 0 && schemaFieldAt(item, root).keys !== undefined) return schemaLeaves(root, item);
  return [genericPath(path)];
}

// Each family is checked against its own schema: the union would show only the first family's keys.
const FAMILIES: [string, z.ZodType, LabelTable, string[]][] = [
  ['部门整体/二级项目', ChongqingFormSchema, SourceLabels, ['indicators[].actual', 'reported.funds[].rateScore', 'funds.sources[].name']],
  [
    '项目支出',
    NationalFormSchema,
    NationalSourceLabels,
    ['project.implementingUnit', 'funds.unit', 'funds.carryOver.executed', 'funds.other.initial', 'indicators[].level1', 'indicators[].level2', 'note'],
  ],
];

describe.each(FAMILIES)('source labels of %s', (_, schema, labels, expected) => {
  it('names every field of the family’s schema, so no diff line falls back to a raw path', () => {
    const leaves = schemaLeaves(schema);
    for (const leaf of expected) expect(leaves).toContain(leaf);
    expect(leaves.filter((leaf) => labels.fields[leaf] === undefined)).toEqual([]);
  });

  it('has no label for a field the schema does not have', () => {
    const leaves = new Set(schemaLeaves(schema));
    expect(Object.keys(labels.fields).filter((field) => !leaves.has(field))).toEqual([]);
  });

  it('lists the fields in the schema’s order, the order changes are shown in', () => {
    const leaves = schemaLeaves(schema);
    expect(Object.keys(labels.fields)).toEqual(leaves);
  });
});

describe('source labels of 项目支出', () => {
  it('uses the national form’s own titles where the two families share a path', () => {
    expect(NationalSourceLabels.fields['indicators[].weight']).toBe('分值');
    expect(SourceLabels.fields['indicators[].weight']).toBe('指标权重');
    expect(NationalSourceLabels.fields['indicators[].level1']).toBe('一级指标');
    expect(NationalSourceLabels.rows['funds.carryOver'].label(0, '')).toBe('项目资金「上年结转资金」');
    expect(NationalSourceLabels.rows['funds.other'].label(0, '')).toBe('项目资金「其他资金」');
  });
});
