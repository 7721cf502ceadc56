import type { PrintedForm } from '../score/printed-form.js';

/** One form that goes into a pack: what the contents page, the outline and the summary need. */
export interface PackForm {
  /** Source path, as discovered (`data/2023/x/y.yaml`). */
  file: string;
  /** 部门整体 | 二级项目 | 项目支出 */
  form: string;
  code: string;
  name: string;
  department: string;
  year: number;
  printed: PrintedForm;
  warnings: number;
  /** Indicators whose target was not met (quantitative) or not graded 达成 (qualitative). */
  unmet: number;
  /** The form's built PDF and its sha256 (from the build manifest). */
  pdf: { file: string; sha256: string };
}
