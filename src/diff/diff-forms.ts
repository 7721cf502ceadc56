import { Decimal } from 'decimal.js';
import { collectChanges } from './collect-changes.js';
import type { DiffSide } from './diff-side.js';
import type { FieldChange } from './field-change.js';
import type { FormDiff } from './form-diff.js';
import { familyLabels } from './family-labels.js';
import { writtenValues } from './written-values.js';

/**
 * What changed between two versions of one form (either may be absent: added, removed).
 * Source fields are walked over the typed Form, so a change of layout, quoting, comments or
 * of `1190000` to `1,190,000.00` is no change; printed values compare as printed strings.
 * An added or removed form lists only its 自评总分 (总分 on a 项目支出 form); its fields are all
 * new or all gone. Fields are named as the form's family prints them (see familyLabels).
 */
export function diffForms(oldSide: DiffSide | undefined, newSide: DiffSide | undefined): FormDiff {
  if (oldSide === undefined && newSide === undefined) return { status: 'unchanged', source: [], printed: [] };
  const labels = withAddedFields(familyLabels(oldSide?.form.profile.name, newSide?.form.profile.name), { ...oldSide?.addedFields, ...newSide?.addedFields });
  if (oldSide === undefined || newSide === undefined) {
    const side = (oldSide ?? newSide)!;
    const selfScoreLabel = labels.printed.fields.selfScore;
    const selfScore: FieldChange = {
      path: 'selfScore',
      label: selfScoreLabel,
      row: '',
      field: selfScoreLabel,
      old: oldSide ? side.printed.selfScore : null,
      new: newSide ? side.printed.selfScore : null,
    };
    return { status: oldSide ? 'removed' : 'added', source: [], printed: [selfScore] };
  }
  const written = { old: writtenValues(oldSide.text), new: writtenValues(newSide.text) };
  const source = collectChanges(oldSide.form, newSide.form, {
    labels: labels.source,
    show: (value, version, path) => (Decimal.isDecimal(value) ? (written[version](path) ?? (value as Decimal).toString()) : showScalar(value)),
  });
  const printedChanges = collectChanges(withoutRowKinds(oldSide), withoutRowKinds(newSide), { labels: labels.printed, show: showScalar });
  // 自评总分 (总分) is the bottom line: the reader sees the rows that led to it first.
  const printed = [...printedChanges.filter((c) => c.path !== 'selfScore'), ...printedChanges.filter((c) => c.path === 'selfScore')];
  return { status: source.length + printed.length > 0 ? 'changed' : 'unchanged', source, printed };
}

function showScalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** `kind` only tells the layout which row is which; it is not printed. */
function withoutRowKinds(side: DiffSide) {
  return { ...side.printed, funds: side.printed.funds.map(({ kind: _kind, ...row }) => row) };
}

/** The family's labels plus those of the fields the format adds (a new table only when there are any). */
function withAddedFields(labels: ReturnType<typeof familyLabels>, added: Record<string, string>): ReturnType<typeof familyLabels> {
  if (Object.keys(added).length === 0) return labels;
  return { ...labels, source: { ...labels.source, fields: { ...labels.source.fields, ...added } } };
}
