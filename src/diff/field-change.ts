/**
 * One value that differs between two versions of a form. `old`/`new` are the text as
 * written (source) or as printed (results); null means absent on that side — a field left
 * out, or a whole row added or removed (then the value summarises the row).
 */
export interface FieldChange {
  /** Field path in the source or in PrintedForm: `indicators[2].actual`, `selfScore`. */
  path: string;
  /** `第3个指标「…」全年完成值`: `row` + `field`. */
  label: string;
  /** The row part of the label (`第3个指标「…」`, `资金情况「其中：财政拨款」`), '' for a form-level field. */
  row: string;
  /** The column part (`全年完成值`), '' when a whole row was added or removed. */
  field: string;
  old: string | null;
  new: string | null;
}
