import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiffSide } from './diff-side.js';

/** One side's copy of a form file, loaded and scored, or the reasons it could not be. */
export interface FormVersion {
  /** As shown to the user: `data/2023/x.yaml`, or `HEAD:data/2023/x.yaml` for a git revision. */
  file: string;
  /** Path relative to the compared folder (or repository root): pairs versions when codes do not. */
  key: string;
  /** Undefined when the file failed to load; then `diagnostics` holds its errors. */
  side?: DiffSide;
  diagnostics: Diagnostic[];
}
