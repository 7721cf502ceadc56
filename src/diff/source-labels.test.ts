import { describe, expect, it } from 'vitest';
import { schemaFieldAt } from '../load/schema-field-at.js';
import { genericPath } from './generic-path.js';
import { SourceLabels } from './source-labels.js';

/** Every leaf field the form schema accepts, as generic paths (`indicators[].actual`). */
function schemaLeaves(path: (string | number)[] = []): string[] {
  const keys = schemaFieldAt(path).keys;
  if (keys !== undefined) return keys.flatMap((key) => schemaLeaves([...path, key]));
  const item = [...path, 0];
  if (path.length > 0 && schemaFieldAt(item).keys !== undefined) return schemaLeaves(item);
  return [genericPath(path)];
}

describe('SourceLabels', () => {
  it('names every field of the form schema, so no diff line falls back to a raw path', () => {
    const leaves = schemaLeaves();
    expect(leaves).toContain('indicators[].actual');
    expect(leaves).toContain('reported.funds[].rateScore');
    expect(leaves.filter((leaf) => SourceLabels.fields[leaf] === undefined)).toEqual([]);
  });

  it('has no label for a field the schema does not have', () => {
    const leaves = new Set(schemaLeaves());
    expect(Object.keys(SourceLabels.fields).filter((field) => !leaves.has(field))).toEqual([]);
  });
});
