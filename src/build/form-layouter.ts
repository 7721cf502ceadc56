import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileTemplateSet, formView, GridError, layoutForm, MarkupError, type CompiledTemplate, type LayoutDocument, type TemplateSources } from '../layout/index.js';
import type { LoadedForm } from '../load/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import { readUserTemplate, TemplateFileError, templateErrorMessage } from './read-user-template.js';

export type LaidOutForm = { ok: true; layout: LayoutDocument } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A form's layout with its template — the built-in one of its kind, or its own `template:` —
 * compiled once per process. Shared by `build` (which then renders) and `check`.
 */
export function createFormLayouter(templates: TemplateSources) {
  const builtIn = compileTemplateSet(templates);
  const userTemplates = new Map<string, CompiledTemplate>();

  function templateFor(loaded: LoadedForm): { template: CompiledTemplate; file: string } {
    const own = loaded.form.template;
    if (!own) return { template: builtIn.get(loaded.form.form)!, file: `templates/${loaded.form.form}.hbs` };
    const file = resolve(dirname(loaded.file), own);
    let template = userTemplates.get(file);
    if (!template) {
      const { text } = readUserTemplate(loaded.file, own);
      template = compileTemplateSet({ templates: { [file]: text }, partials: templates.partials }).get(file)!;
      userTemplates.set(file, template);
    }
    return { template, file };
  }

  const failure = (loaded: LoadedForm, code: string, message: string, at: Partial<Diagnostic> = {}): LaidOutForm => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', message, file: loaded.file, line: 1, col: 1, path: '', ...at }],
  });

  function layout(loaded: LoadedForm, printed: PrintedForm): LaidOutForm {
    let templateFile = '';
    try {
      const { template, file } = templateFor(loaded);
      templateFile = file;
      return { ok: true, layout: layoutForm(formView(loaded.form, printed), template) };
    } catch (error) {
      if (error instanceof TemplateFileError) return failure(loaded, error.code, error.message, { path: 'template', ...loaded.locate(['template']) });
      const line = error instanceof MarkupError || error instanceof GridError ? error.line : 1;
      const where = templateFile ? { file: templateFile, line } : { path: 'template', ...loaded.locate(['template']) };
      return failure(loaded, 'E_TEMPLATE', `模板出错：${templateErrorMessage((error as Error).message)}`, where);
    }
  }

  return { layout };
}
