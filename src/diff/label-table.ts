/**
 * How a diff names fields in Chinese. `rows` are the containers a reader thinks of as one
 * line of the form (an indicator, a funds row), keyed by generic path (`indicators[]`);
 * `fields` names every leaf by its generic path (`indicators[].actual` → 全年完成值).
 */
export interface LabelTable {
  rows: Record<string, RowLabel>;
  fields: Record<string, string>;
}

export interface RowLabel {
  /** The row's own field that names it (`name`, or `row` for printed funds rows). */
  nameKey?: string;
  /** `index` is the row's position when it is a list item. */
  label(index: number, name: string): string;
}
