import type { Diagnostic, UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import { loadForms, type LoadedForm } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import { ESTIMATED_METRICS } from '../layout/index.js';
import { parseFieldPath } from './field-path.js';
import { createFormLayouter } from './form-layouter.js';
import { loadFormats } from './load-template-sources.js';
import { groupByFile } from '../diagnostics/group-by-file.js';

/** One form's outcome of load + score: what `ziping check` reports and `build` renders. */
export interface FormReport {
  file: string;
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  loaded?: LoadedForm;
  printed?: PrintedForm;
}

export function locate(loaded: LoadedForm, diagnostic: UnlocatedDiagnostic): Diagnostic {
  const { line, col } = loaded.locate(parseFieldPath(diagnostic.path));
  return { ...diagnostic, file: loaded.file, line, col };
}

export function reportFrom(file: string, diagnostics: Diagnostic[], loaded?: LoadedForm, printed?: PrintedForm): FormReport {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    file,
    ok: errors.length === 0,
    errors,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    loaded,
    printed: errors.length === 0 ? printed : undefined,
  };
}

/**
 * Lays the form out, so template errors are errors as in build. Estimated widths serve: check
 * paints nothing, and no text can be lost in a build (rows taller than a page are split).
 */
function layoutDiagnostics(layouter: ReturnType<typeof createFormLayouter>, loaded: LoadedForm, printed: PrintedForm): Diagnostic[] {
  const laidOut = layouter.layout(loaded, printed);
  return laidOut.ok ? [] : laidOut.diagnostics;
}

/** Loads, scores and lays out every form under `paths`; a bad file never stops the others. */
export async function checkForms(paths: string[], options: { templatesDir?: string; templateRoots?: string[]; formatFolders?: string[] } = {}): Promise<FormReport[]> {
  const sources = loadFormats(options.templatesDir, options.formatFolders);
  const { forms, diagnostics } = await loadForms(paths, sources.registry);
  const layouter = createFormLayouter(sources, ESTIMATED_METRICS, options.templateRoots);
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  const reports: FormReport[] = [];
  // A format definition with errors is reported where it is, as a failed file.
  for (const [definition, definitionDiagnostics] of groupByFile(sources.registry.diagnostics)) reports.push(reportFrom(definition, [...definitionDiagnostics]));
  for (const loaded of forms) {
    const scored = scoreForm(loaded.form);
    const all = [...(byFile.get(loaded.file) ?? []), ...scored.diagnostics.map((d) => locate(loaded, d))];
    if (!all.some((d) => d.severity === 'error')) all.push(...layoutDiagnostics(layouter, loaded, scored.printed));
    byFile.delete(loaded.file);
    reports.push(reportFrom(loaded.file, all, loaded, scored.printed));
  }
  for (const [file, fileDiagnostics] of byFile) reports.push(reportFrom(file, fileDiagnostics));
  return reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
