import { builtInFormats } from '../../src/load/format/format-registry.js';
import { fontMetrics } from '../../src/render/fonts/font-metrics.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadTemplateSources } from '../../src/build/load-template-sources.js';
import { compileTemplateSet, formView, layoutForm } from '../../src/layout/index.js';
import { loadFormSource } from '../../src/load/index.js';
import { loadFontSet } from '../../src/render/fonts/font-set.js';
import { createPdfRenderer } from '../../src/render/pdf/index.js';
import { scoreForm } from '../../src/score/index.js';

export const SAMPLE_YAML = 'data/2023/yuzhong-gov-office/summer-visits.yaml';
/** The national 项目支出 example (profile mof2020). */
export const NATIONAL_YAML = 'data/examples/national-2023/rural-water-supply.yaml';
export const ARCHIVE_DATE = new Date('2024-03-01T08:00:00Z');

let renderer: ReturnType<typeof createPdfRenderer> | undefined;
let templates: ReturnType<typeof compileTemplateSet> | undefined;

/**
 * The sample form as an archival PDF/A-3b, rendered from `renderedYaml` with `embeddedYaml`
 * (default: the same bytes) attached as its source — a different embedded source makes a
 * PDF whose source no longer matches its printed values.
 */
export async function archivalPdf(renderedYaml: Uint8Array = readFileSync(SAMPLE_YAML), embeddedYaml: Uint8Array = renderedYaml): Promise<Uint8Array> {
  return archivalPdfOf(SAMPLE_YAML, renderedYaml, embeddedYaml);
}

/** Any form (`yamlPath` names it and its embedded file) as an archival PDF/A-3b; see archivalPdf. */
export async function archivalPdfOf(
  yamlPath: string,
  renderedYaml: Uint8Array = readFileSync(yamlPath),
  embeddedYaml: Uint8Array = renderedYaml,
): Promise<Uint8Array> {
  renderer ??= createPdfRenderer({ fonts: loadFontSet('fonts/fonts.json') });
  templates ??= compileTemplateSet(loadTemplateSources());
  const loaded = loadFormSource(yamlPath, renderedYaml);
  if (!loaded.ok) throw new Error(`${yamlPath} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  const { form } = loaded.form;
  const layout = layoutForm(formView(form, scoreForm(form).printed, builtInFormats().get(form.form)!.definition), templates.get(form.form)!, fontMetrics(loadFontSet('fonts/fonts.json')));
  return (await renderer.render(layout, { date: ARCHIVE_DATE, pdfa: { source: { name: basename(yamlPath), bytes: embeddedYaml } } })).bytes;
}
