import type { ManifestEntry } from '../build/build-manifest.js';
import type { FormatRegistry } from '../load/format/format-registry.js';

/** What a pack needs of a form's format (from its definition): its group, order, money unit and rules. */
export interface PackFormat {
  family: '部门整体' | '项目支出';
  /** Place of the format in the registry (部门整体 first), for the cover's list of form types. */
  order: number;
  /** The unit the form prints amounts in; the summary adds them up in 元. */
  moneyUnit: '元' | '万元';
  rules: 'cq2023' | 'mof2020';
}

/** One form that goes into a pack: what the contents page, the outline and the summary need (from its manifest entry). */
export interface PackForm extends Pick<ManifestEntry, 'form' | 'code' | 'name' | 'department' | 'year' | 'printed' | 'warnings'> {
  /** Source path, as discovered (`data/2023/x/y.yaml`). */
  file: string;
  format: PackFormat;
  /** Indicators whose target was not met (quantitative) or not graded 达成 (qualitative). */
  unmet: number;
  /** The form's built PDF and its sha256 (from the build manifest). */
  pdf: { file: string; sha256: string };
}

export function packFormatOf(formats: FormatRegistry, name: string): PackFormat {
  const format = formats.get(name);
  if (!format) throw new Error(`no format ${name}`);
  const { definition } = format;
  return { family: definition.family, order: formats.formats.indexOf(format), moneyUnit: definition.money.unit, rules: definition.rules.name };
}
