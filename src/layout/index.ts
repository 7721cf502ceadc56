import type { LayoutDocument } from './layout-model.js';
import { buildLayout } from './build-layout.js';
export { decideLayout } from './build-layout.js';
import { parseMarkup } from './markup/parse-markup.js';
import type { CompiledTemplate } from './template-set.js';
import type { TextMetrics } from './text-metrics.js';
export { ESTIMATED_METRICS, type TextMetrics } from './text-metrics.js';

export type * from './layout-model.js';
export { compileTemplateSet, type TemplateSet, type TemplateSources, type CompiledTemplate } from './template-set.js';
export { formView, type FormView } from './form-view.js';
export type { NationalFormView, MergedLabel } from './national-form-view.js';
export { MarkupError } from './markup/parse-markup.js';
export { GridError } from './resolve-grid.js';
export { styledTexts } from './styled-texts.js';

/**
 * Pure: view model + compiled template → layout model, with every line and page break decided
 * from `metrics` (the fonts' real widths for anything that is painted; the estimate serves
 * `check`, which paints nothing). Throws MarkupError/GridError on template faults.
 */
export function layoutForm(view: object, template: CompiledTemplate, metrics: TextMetrics): LayoutDocument {
  return buildLayout(parseMarkup(template(view)), metrics);
}
export { unplacedCells, type UnplacedCell } from './unplaced-cells.js';
export { overflowingLabels, type OverflowingLabel } from './decide-lines.js';
