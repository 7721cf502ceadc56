/**
 * A row label reduced for matching: NFKC folds full-width punctuation to half-width
 * (`其中：财政拨款` = `其中:财政拨款`, `（` = `(`), and whitespace is dropped — the system's
 * exports use both spellings (see the sample's 部门整体 vs 二级项目 forms).
 */
export function normalizeLabel(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '');
}
