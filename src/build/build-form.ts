import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadFormSource } from '../load/index.js';
import { scoreForm } from '../score/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import type { BuiltFormSummary } from './build-job.js';
import { locate } from './check-forms.js';
import type { createFormRenderer, OutputFormat } from './form-renderer.js';
import type { UsedTemplate } from './form-layouter.js';

export type BuiltForm =
  | {
      ok: true;
      /** Warnings (an error would have stopped the form). */
      diagnostics: Diagnostic[];
      summary: BuiltFormSummary;
      printed: PrintedForm;
      /** Every requested format, each checked to hold every cell of the layout. */
      outputs: { format: OutputFormat; bytes: Uint8Array }[];
      template?: UsedTemplate;
    }
  | { ok: false; diagnostics: Diagnostic[]; summary?: BuiltFormSummary };

/**
 * load → score → layout → render for one form's bytes, in memory: what `build` writes and the
 * library's createFormBuilder returns. Nothing is read or written here.
 */
export async function buildForm(file: string, bytes: Uint8Array, renderer: ReturnType<typeof createFormRenderer>): Promise<BuiltForm> {
  const loaded = loadFormSource(file, bytes, renderer.formats);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const { form } = loaded.form;
  const scored = scoreForm(form);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...scored.diagnostics.map((d) => locate(loaded.form, d))];
  const summary: BuiltFormSummary = {
    form: form.form,
    code: form.project.code,
    name: form.project.name,
    department: form.project.department,
    year: form.year,
    codeAt: loaded.form.locate(['project', 'code']),
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, summary };
  const rendered = await renderer.render(loaded.form, scored.printed, bytes);
  if (!rendered.ok) return { ok: false, diagnostics: [...diagnostics, ...rendered.diagnostics], summary };
  return { ok: true, diagnostics: [...diagnostics, ...rendered.diagnostics], summary, printed: scored.printed, outputs: rendered.outputs, ...(rendered.template ? { template: rendered.template } : {}) };
}
