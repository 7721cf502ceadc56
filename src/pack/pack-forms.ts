import { join } from 'node:path';
import { buildForms, type BuildOutcome } from '../build/build-forms.js';
import { fileSha256, readManifest, manifestFile } from '../build/build-manifest.js';
import { checkForms } from '../build/check-forms.js';
import type { OutputFormat } from '../build/form-renderer.js';
import { hashBytes } from '../build/hash-bytes.js';
import { TOOL_VERSION } from '../build/tool-version.js';
import { writeFileAtomic } from '../build/write-file-atomic.js';
import { loadFontSet } from '../render/fonts/font-set.js';
import { createPdfRenderer, type PdfRenderer } from '../render/pdf/index.js';
import { assemblePack } from './assemble-pack.js';
import { loadFormats } from '../build/load-template-sources.js';
import { collectPackForms, type CollectedForms } from './collect-pack-forms.js';
import { groupPackForms } from './group-pack-forms.js';
import { outputsIntact } from './outputs-intact.js';
import type { PackBy } from './pack-group.js';
import { packInputsHash } from './pack-inputs-hash.js';
import { packManifestFile, readPackManifest, writePackManifest, type PackManifestEntry } from './pack-manifest.js';
import { loadPackTemplates } from './pack-templates.js';
import { packTitle } from './pack-title.js';
import { summaryCsv } from './summary-csv.js';
import { summaryRows } from './summary-rows.js';
import { summaryWorkbook } from './summary-workbook.js';

export interface PackOptions {
  outDir: string;
  by: PackBy;
  fontConfig: string;
  /** The form templates folder (a `pack/` folder inside may hold cover/contents templates). */
  templatesDir: string;
  /** The project's own format folders. */
  formatFolders: string[];
  /** Folders where a form's own template may also live (the config's `templateRoots`). */
  templateRoots: string[];
  docxFonts: 'embed' | 'system';
  /** Build the forms' PDFs as PDF/A (as `build --pdfa`); must match the last build for its outputs to be reused. */
  pdfa: boolean;
  /** The build's formats; by default those the forms were last built in (see buildFormats). */
  formats?: OutputFormat[];
  date: Date;
  /** SOURCE_DATE_EPOCH was set: the date is part of what a pack depends on. */
  fixedDate: boolean;
  threads: number;
  /** Remake every form and every pack. */
  force: boolean;
  signal?: AbortSignal;
}

export interface PackResult {
  file: string;
  year: number;
  department: string | null;
  forms: number;
  /** Forms of this department that failed and are missing from the pack. */
  missing: string[];
  pages: number | null;
  /** false: unchanged since the last pack, left as it was. */
  written: boolean;
  ms: number;
}

export interface SummaryResult {
  year: number;
  xlsx: string;
  csv: string;
  rows: number;
  written: boolean;
}

export interface PackOutcome {
  build: BuildOutcome;
  failed: CollectedForms['failed'];
  packs: PackResult[];
  summaries: SummaryResult[];
}

/**
 * The formats the forms were last built in, so packing after `ziping build` finds them
 * unchanged instead of rebuilding them without their DOCX (the build's inputs hash covers
 * the formats); only PDF when nothing was built yet.
 */
function buildFormats(outDir: string): OutputFormat[] {
  const manifest = readManifest(manifestFile(outDir), TOOL_VERSION);
  const withDocx = Object.values(manifest.entries).some((entry) => entry.outputs.some((output) => output.file.endsWith('.docx')));
  return withDocx ? ['pdf', 'docx'] : ['pdf'];
}

/**
 * `ziping pack`: builds the forms' PDFs incrementally, then per department (or year) one pack
 * PDF, and per year a summary workbook and CSV under `<out>/packs/<year>/`. A pack is made
 * again only when one of its forms' PDFs, or the pack inputs, changed.
 */
export async function packForms(paths: string[], options: PackOptions): Promise<PackOutcome> {
  const build = await buildForms(paths, {
    outDir: options.outDir,
    formats: options.formats ?? buildFormats(options.outDir),
    docxFonts: options.docxFonts,
    fontConfig: options.fontConfig,
    templatesDir: options.templatesDir,
    formatFolders: options.formatFolders,
    templateRoots: options.templateRoots,
    pdfa: options.pdfa,
    date: options.date.getTime(),
    fixedDate: options.fixedDate,
    threads: options.threads,
    force: options.force,
    prune: false,
    signal: options.signal,
  });
  const outcome: PackOutcome = { build, failed: [], packs: [], summaries: [] };
  if (build.interrupted) return outcome;
  const checkOptions = { templatesDir: options.templatesDir, formatFolders: options.formatFolders, templateRoots: options.templateRoots, fontConfig: options.fontConfig };
  const collected = collectPackForms(await checkForms(paths, checkOptions), build, loadFormats(options.templatesDir, options.formatFolders).registry);
  outcome.failed = collected.failed;

  const fonts = loadFontSet(options.fontConfig);
  const templates = loadPackTemplates(options.templatesDir);
  const inputsHash = packInputsHash(TOOL_VERSION, options.by, templates.sources, fonts, options.fixedDate ? options.date : null);
  const manifestPath = packManifestFile(options.outDir);
  const manifest = readPackManifest(manifestPath, TOOL_VERSION);
  let renderer: PdfRenderer | undefined;
  const unchanged = async (key: string, hash: string) => {
    const entry = manifest.entries[key];
    return !options.force && entry?.hash === hash && (await outputsIntact(entry));
  };
  const record = async (key: string, hash: string, files: { file: string; bytes: Uint8Array }[]) => {
    const entry: PackManifestEntry = { hash, outputs: [] };
    for (const { file, bytes } of files) {
      await writeFileAtomic(file, bytes);
      entry.outputs.push({ file, size: bytes.length, sha256: fileSha256(bytes) });
    }
    manifest.entries[key] = entry;
    await writePackManifest(manifestPath, manifest);
  };

  for (const group of groupPackForms(collected.forms, options.by, options.outDir)) {
    if (options.signal?.aborted) break;
    const started = performance.now();
    const hash = hashBytes(inputsHash, JSON.stringify(group.forms.map((form) => [form.file, form.pdf.sha256, form.form, form.code, form.name, form.printed.selfScore])));
    const missing = collected.failed
      .filter((failure) => (group.department === null || failure.department === group.department) && failure.department !== null)
      .map((failure) => failure.file);
    const result: PackResult = { file: group.file, year: group.year, department: group.department, forms: group.forms.length, missing, pages: null, written: false, ms: 0 };
    if (!(await unchanged(group.file, hash))) {
      renderer ??= createPdfRenderer({ fonts });
      const pack = await assemblePack(group, { renderer, fonts, templates, date: options.date, producer: TOOL_VERSION });
      await record(group.file, hash, [{ file: group.file, bytes: pack.bytes }]);
      result.pages = pack.pages;
      result.written = true;
    }
    result.ms = performance.now() - started;
    outcome.packs.push(result);
  }

  const years = [...new Set(collected.forms.map((form) => form.year))].sort((a, b) => a - b);
  for (const year of years) {
    const rows = summaryRows(collected.forms.filter((form) => form.year === year));
    const dir = join(options.outDir, 'packs', String(year));
    const summary: SummaryResult = { year, xlsx: join(dir, 'summary.xlsx'), csv: join(dir, 'summary.csv'), rows: rows.length, written: false };
    const key = `summary:${year}`;
    const hash = hashBytes(inputsHash, JSON.stringify(rows));
    if (!(await unchanged(key, hash))) {
      const xlsx = await summaryWorkbook(rows, { title: `${packTitle({ year })} 汇总表`, date: options.date, creator: TOOL_VERSION });
      await record(key, hash, [
        { file: summary.xlsx, bytes: xlsx },
        { file: summary.csv, bytes: new TextEncoder().encode(summaryCsv(rows)) },
      ]);
      summary.written = true;
    }
    outcome.summaries.push(summary);
  }
  return outcome;
}
