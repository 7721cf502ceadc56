import type { ExportLine } from './export-line.js';
import { normaliseLabel } from './normalise-label.js';

export interface ExportTitle {
  year: string;
  /** What stands between `年度` and `绩效自评表`; only 部门整体 and 二级项目 are known forms. */
  kind: string;
}

const TITLE = /^(\d{4})年度(.+)绩效自评表$/;

/** A line that starts a form, e.g. `2023年度二级项目绩效自评表`. */
export function matchTitle(line: ExportLine): ExportTitle | undefined {
  const match = TITLE.exec(normaliseLabel(line.text));
  return match ? { year: match[1], kind: match[2] } : undefined;
}
