import { loadFontSet } from '../render/fonts/font-set.js';
import { readSourceFile } from '../load/read-source-file.js';
import { buildForm, type BuiltForm } from './build-form.js';
import { BUILT_IN_FONT_CONFIG } from './default-font-config.js';
import { formRendererFromSettings, type OutputFormat } from './form-renderer.js';
import { BUILT_IN_TEMPLATES } from './load-template-sources.js';
import { sourceDate } from './source-date.js';

export interface FormBuilderOptions {
  /** Default both: `['pdf', 'docx']`. */
  formats?: OutputFormat[];
  /** A fonts.json (default: the package's own, Noto Serif SC). */
  fontConfig?: string;
  /** A folder of templates like the package's `templates/` (default: the built-in ones). */
  templatesDir?: string;
  /** Folders of one's own formats (each holds format folders), besides the built-in ones. */
  formatFolders?: string[];
  /** Folders besides the form's own where its `template:` may live. */
  templateRoots?: string[];
  /** Default: the font config's `docxFonts`. */
  docxFonts?: 'embed' | 'system';
  /** Dates inside the files (default: SOURCE_DATE_EPOCH, else now) — same date, same bytes. */
  date?: Date;
  /** PDF/A-3b with the YAML source embedded, as `ziping build --pdfa`. */
  pdfa?: boolean;
}

export interface FormBuilder {
  /**
   * One form file → its scored values and output bytes, or its located diagnostics; nothing is
   * written. Pass `bytes` to build text that is not on disk (`file` then only names it).
   */
  build(file: string, bytes?: Uint8Array): Promise<BuiltForm>;
}

/**
 * The library's front door to `ziping build` for one form at a time, in this thread: fonts and
 * templates are prepared once per builder and reused. Same input and date → the bytes
 * `ziping build` writes.
 */
export function createFormBuilder(options: FormBuilderOptions = {}): FormBuilder {
  const fonts = loadFontSet(options.fontConfig ?? BUILT_IN_FONT_CONFIG);
  const renderer = formRendererFromSettings(
    {
      fontConfig: options.fontConfig ?? BUILT_IN_FONT_CONFIG,
      templatesDir: options.templatesDir ?? BUILT_IN_TEMPLATES,
      formatFolders: options.formatFolders ?? [],
      templateRoots: options.templateRoots ?? [],
      formats: options.formats ?? ['pdf', 'docx'],
      date: (options.date ?? sourceDate()).getTime(),
      docxFonts: options.docxFonts ?? fonts.docxFonts,
      pdfa: options.pdfa ?? false,
    },
    fonts,
  );
  return {
    async build(file, bytes) {
      if (bytes === undefined) {
        const read = await readSourceFile(file);
        if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
        bytes = read.bytes;
      }
      return buildForm(file, bytes, renderer);
    },
  };
}
