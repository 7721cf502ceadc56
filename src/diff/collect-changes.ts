import { Decimal } from 'decimal.js';
import { formatPath } from '../load/index.js';
import type { FieldChange } from './field-change.js';
import { genericPath } from './generic-path.js';
import { labelFor } from './label-for.js';
import type { LabelTable } from './label-table.js';

type Path = readonly (string | number)[];

export interface CollectOptions {
  labels: LabelTable;
  /** A leaf as the reader knows it (a Decimal as written in that version's file). */
  show(value: unknown, version: 'old' | 'new', path: Path): string;
}

/**
 * Every leaf that differs between two values of the same shape (a Form, a PrintedForm).
 * Lists match by index; an item on one side only becomes one change for the whole row,
 * its value a summary of the row's fields. Decimals compare by value: `1190000` and
 * `1,190,000.00` are the same amount.
 */
export function collectChanges(oldValue: unknown, newValue: unknown, options: CollectOptions): FieldChange[] {
  const changes: FieldChange[] = [];
  const nameOf = (rowPath: Path, key: string): string => {
    const name = valueAt(newValue, [...rowPath, key]) ?? valueAt(oldValue, [...rowPath, key]);
    return typeof name === 'string' ? name : '';
  };
  const push = (path: Path, oldText: string | null, newText: string | null) => {
    const { row, field } = labelFor(options.labels, path, nameOf);
    changes.push({ path: formatPath(path), label: row + field, row, field, old: oldText, new: newText });
  };
  // Rows of the form are flat (an indicator, a funds row): list their filled-in fields.
  const summary = (row: unknown, version: 'old' | 'new', rowPath: Path): string => {
    if (!isRecord(row)) return row === undefined ? '' : options.show(row, version, rowPath);
    const rowKey = genericPath(rowPath);
    const nameKey = options.labels.rows[rowKey]?.nameKey;
    return Object.entries(row)
      .filter(([key, value]) => key !== nameKey && value !== undefined && value !== '' && !isRecord(value) && !Array.isArray(value))
      .map(([key, value]) => `${options.labels.fields[`${rowKey}.${key}`] ?? key} ${options.show(value, version, [...rowPath, key])}`)
      .join('，');
  };

  const walk = (a: unknown, b: unknown, path: Path): void => {
    if (isRecord(a) || isRecord(b)) {
      const keys = [...new Set([...Object.keys(isRecord(a) ? a : {}), ...Object.keys(isRecord(b) ? b : {})])];
      keys.sort((x, y) => fieldOrder(options.labels, [...path, x]) - fieldOrder(options.labels, [...path, y]));
      for (const key of keys) walk(isRecord(a) ? a[key] : undefined, isRecord(b) ? b[key] : undefined, [...path, key]);
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const left = Array.isArray(a) ? a : [];
      const right = Array.isArray(b) ? b : [];
      for (let index = 0; index < Math.max(left.length, right.length); index++) {
        const itemPath = [...path, index];
        if (index >= left.length) push(itemPath, null, summary(right[index], 'new', itemPath));
        else if (index >= right.length) push(itemPath, summary(left[index], 'old', itemPath), null);
        else walk(left[index], right[index], itemPath);
      }
      return;
    }
    if (sameLeaf(a, b)) return;
    push(path, a === undefined ? null : options.show(a, 'old', path), b === undefined ? null : options.show(b, 'new', path));
  };
  walk(oldValue, newValue, []);
  return changes;
}

/**
 * Where a field comes in the label table (written in the schema's order), so changes list
 * in the form's reading order whichever version has the field. Unknown fields go last.
 */
function fieldOrder(labels: LabelTable, path: Path): number {
  const key = genericPath(path);
  let orders = fieldOrders.get(labels);
  if (orders === undefined) fieldOrders.set(labels, (orders = new Map()));
  let order = orders.get(key);
  if (order === undefined) {
    const index = Object.keys(labels.fields).findIndex((field) => field === key || field.startsWith(`${key}.`) || field.startsWith(`${key}[`));
    order = index === -1 ? Number.MAX_SAFE_INTEGER : index;
    orders.set(key, order);
  }
  return order;
}

const fieldOrders = new WeakMap<LabelTable, Map<string, number>>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Decimal.isDecimal(value);
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Decimal.isDecimal(a) && Decimal.isDecimal(b)) return (a as Decimal).eq(b as Decimal);
  return a === b;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
