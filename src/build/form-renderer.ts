import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { unplacedCells, type LayoutDocument, type RenderedFile } from '../layout/index.js';
import type { LoadedForm } from '../load/index.js';
import { createDocxRenderer, type DocxRenderer } from '../render/docx/index.js';
import { loadFontSet, type FontSet } from '../render/fonts/font-set.js';
import { createPdfRenderer, type PdfRenderer } from '../render/pdf/index.js';
import { findMissingGlyphs } from '../render/fonts/find-missing-glyphs.js';
import { fontMetrics } from '../render/fonts/font-metrics.js';
import type { PrintedForm } from '../score/printed-form.js';
import type { BuildSettings } from './build-job.js';
import { createFormLayouter, type UsedTemplate } from './form-layouter.js';
import { loadFormats, type FormatSources } from './load-template-sources.js';
import { incompleteOutputDiagnostic } from './incomplete-output.js';

export type OutputFormat = 'pdf' | 'docx';

export interface FormRendererOptions {
  fonts: FontSet;
  /** The installed formats with their templates. */
  formatSources: FormatSources;
  /** Folders besides the form's and the project's where its own template may live. */
  templateRoots: readonly string[];
  formats: OutputFormat[];
  date: Date;
  docxFonts: 'embed' | 'system';
  /** PDF/A-3b with the form's YAML source embedded as an associated file. */
  pdfa?: boolean;
}

export type RenderedForm =
  | { ok: true; layout: LayoutDocument; template?: UsedTemplate; outputs: { format: OutputFormat; bytes: Uint8Array }[]; /** The layout's warnings. */ diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Build once, render many: fonts, templates and renderers are set up once per process and
 * reused for every form (a CJK face takes ~30 ms to parse).
 */
export function createFormRenderer(options: FormRendererOptions) {
  const layouter = createFormLayouter(options.formatSources, fontMetrics(options.fonts), options.templateRoots);
  // Set up on the first form (each prepares its fonts), only for the formats asked for.
  let renderers: { pdf?: PdfRenderer; docx?: DocxRenderer } | undefined;
  const loadRenderers = () =>
    (renderers ??= {
      pdf: options.formats.includes('pdf') ? createPdfRenderer({ fonts: options.fonts }) : undefined,
      docx: options.formats.includes('docx') ? createDocxRenderer({ fonts: options.fonts }) : undefined,
    });

  const failure = (loaded: LoadedForm, code: string, message: string, at: Partial<Diagnostic> = {}): RenderedForm => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', message, file: loaded.file, line: 1, col: 1, path: '', ...at }],
  });

  /** `source` is the file's bytes as read (BOM and all), embedded byte-identical in PDF/A. */
  async function render(loaded: LoadedForm, printed: PrintedForm, source?: Uint8Array): Promise<RenderedForm> {
    const laidOut = layouter.layout(loaded, printed);
    if (!laidOut.ok) return laidOut;
    const { layout, template, diagnostics: warnings } = laidOut;
    const missing = findMissingGlyphs(layout, options.fonts);
    if (missing.length > 0) {
      return {
        ok: false,
        diagnostics: missing.map((glyph) => ({
          code: 'E_GLYPH_MISSING',
          severity: 'error' as const,
          message: `字符“${glyph.char}”（${glyph.codePoint}）没有任何已配置的字体包含：${glyph.where}，内容“${glyph.text}”`,
          hint: '在 fonts/fonts.json 中为该角色配置包含此字符的字体，或改用常用字',
          file: loaded.file,
          line: 1,
          col: 1,
          path: '',
        })),
      };
    }
    try {
      const { pdf, docx } = loadRenderers();
      const outputs: { format: OutputFormat; bytes: Uint8Array }[] = [];
      const pdfa = options.pdfa ? { source: { name: basename(loaded.file), bytes: source ?? new TextEncoder().encode(loaded.text) } } : undefined;
      const files: { format: OutputFormat; file: RenderedFile }[] = [];
      if (pdf) files.push({ format: 'pdf', file: await pdf.render(layout, { date: options.date, pdfa }) });
      if (docx) files.push({ format: 'docx', file: await docx.render(layout, { date: options.date, fontMode: options.docxFonts }) });
      // Nothing is written unless every cell of the layout is in every file.
      const incomplete = files.flatMap(({ format, file }) => {
        const unplaced = unplacedCells(layout, file.placed);
        return unplaced.length > 0 ? [incompleteOutputDiagnostic(loaded, layout, format, unplaced)] : [];
      });
      if (incomplete.length > 0) return { ok: false, diagnostics: incomplete };
      for (const { format, file } of files) outputs.push({ format, bytes: file.bytes });
      return { ok: true, layout, ...(template ? { template } : {}), outputs, diagnostics: warnings };
    } catch (error) {
      return failure(loaded, 'E_RENDER', `生成文件失败：${(error as Error).message}`);
    }
  }

  /** Loads the renderers and parses the fonts ahead of the first form (watch mode's first save). */
  async function warm(): Promise<void> {
    loadRenderers();
    for (const face of options.fonts.faces()) face.font();
  }

  return { render, warm, formats: options.formatSources.registry };
}

/**
 * The renderer `build`'s settings name (files, not yet read): build's workers and the library's
 * createFormBuilder both make theirs here, so the two cannot set one up differently.
 */
export function formRendererFromSettings(settings: BuildSettings, fonts: FontSet = loadFontSet(settings.fontConfig)) {
  return createFormRenderer({
    fonts,
    formatSources: loadFormats(settings.templatesDir, settings.formatFolders),
    templateRoots: settings.templateRoots,
    formats: settings.formats,
    date: new Date(settings.date),
    docxFonts: settings.docxFonts,
    pdfa: settings.pdfa,
  });
}
