import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  sha256: string;
  size: number;
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
}

export interface BuildManifest {
  version: 1;
  tool: string;
  /** Keyed by source path, as discovered. */
  entries: Record<string, ManifestEntry>;
}

export const MANIFEST_VERSION = 1;

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
    if (parsed.version === MANIFEST_VERSION && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // fall through
  }
  return emptyManifest(tool);
}

/** Sorted keys, so the same build writes the same manifest bytes. */
export async function writeManifest(file: string, manifest: BuildManifest): Promise<void> {
  const entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(file, `${JSON.stringify({ ...manifest, entries })}\n`);
}
