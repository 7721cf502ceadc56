import type { ManifestEntry } from '../build/build-manifest.js';

/** One form that goes into a pack: what the contents page, the outline and the summary need (from its manifest entry). */
export interface PackForm extends Pick<ManifestEntry, 'form' | 'code' | 'name' | 'department' | 'year' | 'printed' | 'warnings'> {
  /** Source path, as discovered (`data/2023/x/y.yaml`). */
  file: string;
  /** Indicators whose target was not met (quantitative) or not graded 达成 (qualitative). */
  unmet: number;
  /** The form's built PDF and its sha256 (from the build manifest). */
  pdf: { file: string; sha256: string };
}
