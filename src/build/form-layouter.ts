import { dirname, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileTemplateSet, formView, GridError, layoutForm, MarkupError, overflowingLabels, type CompiledTemplate, type OverflowingLabel, type LayoutDocument, type TextMetrics } from '../layout/index.js';
import type { LoadedForm } from '../load/index.js';
import type { PrintedForm } from '../score/printed-form.js';
import { hashBytes } from './hash-bytes.js';
import type { FormatSources } from './load-template-sources.js';
import { readUserTemplate, TemplateFileError, templateErrorMessage } from './read-user-template.js';

/** A template's (or partial's) file and text. */
interface TemplateText {
  file: string;
  text: string;
}

/** A form's own template as it was used: the build records it, so an edit to it rebuilds the form. */
export interface UsedTemplate {
  /** As resolved from the form (`data/x/own.hbs`). */
  file: string;
  /** hashBytes of its text. */
  hash: string;
}

export type LaidOutForm =
  | { ok: true; layout: LayoutDocument; template?: UsedTemplate; /** Warnings about the template (a label wider than its column). */ diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A form's layout with its template — the built-in one of its kind, or its own `template:` —
 * compiled once per process. Shared by `build` (which then renders) and `check`.
 */
export function createFormLayouter(sources: FormatSources, metrics: TextMetrics, templateRoots: readonly string[] = []) {
  const { templates, registry } = sources;
  const builtIn = compileTemplateSet(templates);
  const userTemplates = new Map<string, { template: CompiledTemplate; hash: string; text: string }>();

  /** The template, and the texts a label of it may come from (the template first, then its partials). */
  function templateFor(loaded: LoadedForm): { template: CompiledTemplate; file: string; sources: TemplateText[]; used?: UsedTemplate } {
    const own = loaded.form.template;
    if (!own) {
      const format = registry.get(loaded.form.form)!;
      const partials = Object.entries(format.partialFiles).map(([name, partial]) => ({ file: partial, text: format.partials[name] }));
      return { template: builtIn.get(loaded.form.form)!, file: relative(process.cwd(), format.template.file), sources: [{ file: format.template.file, text: templates.templates[format.name] }, ...partials] };
    }
    const file = resolve(dirname(loaded.file), own);
    let compiled = userTemplates.get(file);
    if (!compiled) {
      const { text } = readUserTemplate(loaded.file, own, templateRoots);
      compiled = { template: compileTemplateSet({ templates: { [file]: text }, partials: templates.partials }).get(file)!, hash: hashBytes(text), text };
      userTemplates.set(file, compiled);
    }
    return { template: compiled.template, file, sources: [{ file, text: compiled.text }], used: { file: relative(process.cwd(), file), hash: compiled.hash } };
  }

  const failure = (loaded: LoadedForm, code: string, message: string, at: Partial<Diagnostic> = {}): LaidOutForm => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', message, file: loaded.file, line: 1, col: 1, path: '', ...at }],
  });

  function layout(loaded: LoadedForm, printed: PrintedForm): LaidOutForm {
    let templateFile = '';
    try {
      const { template, file, sources, used } = templateFor(loaded);
      templateFile = file;
      const layout = layoutForm(formView(loaded.form, printed, registry.get(loaded.form.form)!.definition), template, metrics);
      const warnings = overflowingLabels(layout, metrics).map((label) => overflowWarning(label, sources));
      return { ok: true, layout, diagnostics: warnings, ...(used ? { template: used } : {}) };
    } catch (error) {
      if (error instanceof TemplateFileError) return failure(loaded, error.code, error.message, { path: 'template', ...loaded.locate(['template']) });
      const line = error instanceof MarkupError || error instanceof GridError ? error.line : 1;
      const where = templateFile ? { file: templateFile, line } : { path: 'template', ...loaded.locate(['template']) };
      return failure(loaded, 'E_TEMPLATE', `模板出错：${templateErrorMessage((error as Error).message)}`, where);
    }
  }

  return { layout };
}

/**
 * A nowrap label too wide for its column, placed where the template writes it (its first
 * occurrence; a label filled in from data is placed at the template's top).
 */
function overflowWarning(label: OverflowingLabel, sources: readonly TemplateText[]): Diagnostic {
  // Not in a {{!-- comment --}} that mentions it: blanked to the same length, so offsets hold.
  const uncomment = (text: string) => text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const source = sources.find((candidate) => uncomment(candidate.text).includes(label.text)) ?? sources[0];
  const { text } = source;
  const file = relative(process.cwd(), resolve(source.file));
  const offset = uncomment(text).indexOf(label.text);
  const before = offset < 0 ? '' : text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset < 0 ? 1 : offset - before.lastIndexOf('\n');
  return {
    code: 'W_LABEL_OVERFLOW',
    severity: 'warning',
    message: `标签“${label.text}”宽 ${label.width.toFixed(1)} pt，所在栏只容得下 ${label.room.toFixed(1)} pt：不换行（nowrap），会压过表格线`,
    hint: '在模板的 <table cols> 中加宽这一栏，或给这个单元格 nowrap="false" 让它换行',
    file,
    line,
    col,
    path: '',
  };
}
