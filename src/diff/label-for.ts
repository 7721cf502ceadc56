import { formatPath } from '../load/index.js';
import { genericPath } from './generic-path.js';
import type { LabelTable } from './label-table.js';

type Path = readonly (string | number)[];

/**
 * The Chinese label of the value at `path`, split into its row and field. `nameOf` reads a
 * row's naming field (new version first). A path missing from the table falls back to the
 * path itself, so a field added to the schema later still shows, only less prettily.
 */
export function labelFor(table: LabelTable, path: Path, nameOf: (rowPath: Path, key: string) => string): { row: string; field: string } {
  for (let length = path.length; length > 0; length--) {
    const rowPath = path.slice(0, length);
    const rowLabel = table.rows[genericPath(rowPath)];
    if (rowLabel === undefined) continue;
    const last = rowPath[rowPath.length - 1];
    const name = rowLabel.nameKey === undefined ? '' : nameOf(rowPath, rowLabel.nameKey);
    const row = rowLabel.label(typeof last === 'number' ? last : 0, name);
    const field = length === path.length ? '' : (table.fields[genericPath(path)] ?? formatPath(path.slice(length)));
    return { row, field };
  }
  return { row: '', field: table.fields[genericPath(path)] ?? formatPath(path) };
}
