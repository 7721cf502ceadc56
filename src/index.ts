/**
 * ziping as a library — the stages `ziping build` runs, each usable on its own (docs/api.md):
 * load (YAML → validated form with source positions) → score (exact decimals → printed values)
 * → layout (template → layout model) → render (PDF, DOCX). createFormBuilder runs them all for
 * one form, in memory, with the checks `build` makes (every cell in every output).
 */
export { loadForms, loadFormSource, FormSchema } from './load/index.js';
export type { Form, FormInput, ChongqingForm, NationalForm, LoadedForm, LoadResult } from './load/index.js';

export { scoreForm } from './score/index.js';
export type { ScoredForm, PrintedForm, PrintedFundsRow, PrintedIndicator } from './score/index.js';

export { compileTemplateSet, formView, layoutForm, MarkupError, GridError } from './layout/index.js';
export type { CompiledTemplate, FormView, LayoutDocument, TemplateSet, TemplateSources } from './layout/index.js';
export { BUILT_IN_TEMPLATES, loadTemplateSources } from './build/load-template-sources.js';

export { loadFontSet } from './render/fonts/font-set.js';
export type { FontSet } from './render/fonts/font-set.js';
export { BUILT_IN_FONT_CONFIG } from './build/default-font-config.js';
export { createPdfRenderer } from './render/pdf/index.js';
export type { PdfRenderer, PdfRenderOptions } from './render/pdf/index.js';
export { createDocxRenderer } from './render/docx/index.js';
export type { DocxRenderer, DocxRenderOptions } from './render/docx/index.js';

export { checkForms } from './build/check-forms.js';
export type { FormReport } from './build/check-forms.js';
export { createFormBuilder } from './build/form-builder.js';
export type { FormBuilder, FormBuilderOptions } from './build/form-builder.js';
export type { BuiltForm } from './build/build-form.js';
export type { OutputFormat } from './build/form-renderer.js';

export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
