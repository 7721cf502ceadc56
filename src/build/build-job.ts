import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PrintedForm } from '../score/printed-form.js';
import type { ManifestOutput, ManifestTemplate } from './build-manifest.js';
import type { OutputFormat } from './form-renderer.js';

/** One form to build; plain data, so it can cross to a worker thread. */
export interface BuildJob {
  file: string;
  /** Output path without extension (`out/2023/a/x`). */
  outBase: string;
}

/** Everything a worker needs to set up its renderers once; plain data. */
export interface BuildSettings {
  formats: OutputFormat[];
  docxFonts: 'embed' | 'system';
  fontConfig: string;
  templatesDir: string;
  /** Absolute folders of the project's own formats (the config's `formatFolders`). */
  formatFolders: string[];
  /** Absolute folders where a form's own template may also live (the config's `templateRoots`). */
  templateRoots: string[];
  /** Milliseconds since the epoch, for the dates inside the outputs. */
  date: number;
  /** PDF/A-3b with the YAML source embedded. */
  pdfa: boolean;
}

export interface BuiltFormSummary {
  form: string;
  code: string;
  name: string;
  department: string;
  year: number;
  /** Where `project.code` stands in the source, for cross-file diagnostics. */
  codeAt: { line: number; col: number };
}

/** A form that failed before anything of it was written (no outputs, nothing removed). */
export function failedResult(file: string, diagnostics: Diagnostic[]): BuildJobResult {
  return { file, ok: false, sourceHash: '', diagnostics, outputs: [], removed: [], ms: 0 };
}

export interface BuildJobResult {
  /** The form's own template (`template:`), when it has one. */
  template?: ManifestTemplate;
  file: string;
  ok: boolean;
  sourceHash: string;
  diagnostics: Diagnostic[];
  summary?: BuiltFormSummary;
  printed?: PrintedForm;
  outputs: ManifestOutput[];
  /** Outputs of an earlier build removed because this form now fails. */
  removed: string[];
  /** Wall time of this form in its thread, ms. */
  ms: number;
}
