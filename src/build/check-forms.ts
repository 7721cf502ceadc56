import type { Diagnostic, UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import { loadForms, type LoadedForm } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import { ESTIMATED_METRICS } from '../layout/index.js';
import { fontMetrics } from '../render/fonts/font-metrics.js';
import { loadFontSet } from '../render/fonts/font-set.js';
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
 * Lays the form out, so template errors are errors and template warnings warnings, as in build
 * (with the fonts' real widths when the caller names its font config; estimated widths else,
 * which paint nothing and lose no text: rows taller than a page are split).
 */
function layoutDiagnostics(layouter: ReturnType<typeof createFormLayouter>, loaded: LoadedForm, printed: PrintedForm): Diagnostic[] {
  return layouter.layout(loaded, printed).diagnostics;
}

/** Loads, scores and lays out every form under `paths`; a bad file never stops the others. */
export async function checkForms(
  paths: string[],
  options: { templatesDir?: string; templateRoots?: string[]; formatFolders?: string[]; fontConfig?: string } = {},
): Promise<FormReport[]> {
  const sources = loadFormats(options.templatesDir, options.formatFolders);
  const { forms, diagnostics } = await loadForms(paths, sources.registry);
  // With the project's fonts, check warns of a label too wide for its column as build does.
  const metrics = options.fontConfig ? fontMetrics(loadFontSet(options.fontConfig)) : ESTIMATED_METRICS;
  const layouter = createFormLayouter(sources, metrics, options.templateRoots);
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
