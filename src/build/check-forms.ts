import type { Diagnostic, UnlocatedDiagnostic } from '../diagnostics/diagnostic.js';
import { loadForms, type LoadedForm } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import { rowsTallerThanPage } from '../layout/index.js';
import { parseFieldPath } from './field-path.js';
import { createFormLayouter } from './form-layouter.js';
import { excerpt, sourceFieldAt, squeeze, TALL_ROW_HINT } from './incomplete-output.js';
import { loadTemplateSources } from './load-template-sources.js';

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

/** Lays the form out (template errors are errors, as in build) and warns of rows likely taller than a page. */
function layoutDiagnostics(layouter: ReturnType<typeof createFormLayouter>, loaded: LoadedForm, printed: PrintedForm): Diagnostic[] {
  const laidOut = layouter.layout(loaded, printed);
  if (!laidOut.ok) return laidOut.diagnostics;
  return rowsTallerThanPage(laidOut.layout).map(({ block, row, height, room }) => {
    const table = laidOut.layout.blocks[block];
    const cells = table.kind === 'table' ? table.rows[row].slots.flatMap((slot) => (slot.kind === 'cell' ? [slot.text] : [])) : [];
    const longest = cells.reduce((a, b) => (squeeze(b).length > squeeze(a).length ? b : a), '');
    return {
      code: 'W_ROW_TOO_TALL',
      severity: 'warning' as const,
      message: `“${excerpt(cells[0] ?? '')}”一行估计高 ${Math.round(height)} pt，超过一页能容纳的 ${Math.round(room)} pt，生成时很可能失败（E_OUTPUT_INCOMPLETE）`,
      hint: TALL_ROW_HINT,
      file: loaded.file,
      ...sourceFieldAt(loaded, longest),
    };
  });
}

/** Loads, scores and lays out every form under `paths`; a bad file never stops the others. */
export async function checkForms(paths: string[], options: { templatesDir?: string; templateRoots?: string[] } = {}): Promise<FormReport[]> {
  const { forms, diagnostics } = await loadForms(paths);
  const layouter = createFormLayouter(loadTemplateSources(options.templatesDir), options.templateRoots);
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  const reports: FormReport[] = [];
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
