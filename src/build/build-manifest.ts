import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { PrintedForm } from '../score/printed-form.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * What the last build made, per form, in `<out>/.ziping-manifest.json`: the hashes of
 * everything an output depends on, and of each output. A form is skipped when all match.
 * An entry is added only after its outputs are in place, and the file is replaced
 * atomically, so a killed build leaves a manifest that is valid and never claims too much.
 */
export interface ManifestOutput {
  file: string;
  /** The file's SHA-256 (as sha256sum prints it). */
  sha256: string;
  size: number;
}

/** A form's own template, by path and hashBytes of its text. */
export interface ManifestTemplate {
  file: string;
  hash: string;
}

export interface ManifestEntry {
  source: string;
  sourceHash: string;
  /** Hash of the tool version, templates, fonts config, formats and options used. */
  inputsHash: string;
  form: string;
  code: string;
  name: string;
  department: string;
  year: number;
  printed: PrintedForm;
  warnings: number;
  outputs: ManifestOutput[];
  /** The form's own template: an edit to it makes the form out of date like an edit to its source. */
  template?: ManifestTemplate;
}

/**
 * In memory, paths are relative to the working folder (as the user typed them); on disk they
 * are relative to the manifest's folder, so a build run from another folder means the same
 * files (version 1 stored working-folder paths: `--prune` from elsewhere deleted other files).
 */
export interface BuildManifest {
  version: 2;
  tool: string;
  /** Keyed by manifestKey(source). */
  entries: Record<string, ManifestEntry>;
}

export const MANIFEST_VERSION = 2;

/** A source's key: its path relative to the working folder, however the input was typed. */
export function manifestKey(file: string): string {
  return relative(process.cwd(), resolve(file));
}

export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const stored = (folder: string, path: string) => relative(folder, resolve(path)).split(sep).join('/');
const loaded = (folder: string, path: string) => relative(process.cwd(), resolve(folder, path));

function mapPaths(entry: ManifestEntry, map: (path: string) => string): ManifestEntry {
  return {
    ...entry,
    source: map(entry.source),
    outputs: entry.outputs.map((output) => ({ ...output, file: map(output.file) })),
    ...(entry.template ? { template: { ...entry.template, file: map(entry.template.file) } } : {}),
  };
}

export function manifestFile(outDir: string, shard?: { index: number; count: number }): string {
  return join(outDir, shard ? `.ziping-manifest.shard-${shard.index}-of-${shard.count}.json` : '.ziping-manifest.json');
}

export function emptyManifest(tool: string): BuildManifest {
  return { version: MANIFEST_VERSION, tool, entries: {} };
}

/** A missing, unreadable or foreign manifest is an empty one: everything is simply rebuilt. */
export function readManifest(file: string, tool: string): BuildManifest {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
    if (parsed.version === MANIFEST_VERSION && parsed.entries && typeof parsed.entries === 'object') {
      const folder = dirname(file);
      const entries = Object.values(parsed.entries)
        .filter((entry) => typeof entry?.source === 'string' && Array.isArray(entry.outputs))
        .map((entry) => mapPaths(entry, (path) => loaded(folder, String(path))));
      return { ...parsed, entries: Object.fromEntries(entries.map((entry) => [entry.source, entry])) };
    }
  } catch {
    // fall through
  }
  return emptyManifest(tool);
}

/** Sorted keys, so the same build writes the same manifest bytes. */
export async function writeManifest(file: string, manifest: BuildManifest): Promise<void> {
  const folder = dirname(file);
  const onDisk = Object.values(manifest.entries).map((entry) => mapPaths(entry, (path) => stored(folder, path)));
  const entries = Object.fromEntries(onDisk.map((entry) => [entry.source, entry]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(file, `${JSON.stringify({ ...manifest, entries })}\n`);
}
