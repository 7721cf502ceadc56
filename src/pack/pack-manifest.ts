import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../build/write-file-atomic.js';

/** A written file and what it was made from: `hash` covers the pack inputs and every form it holds. */
export interface PackManifestEntry {
  hash: string;
  outputs: { file: string; size: number; sha256: string }[];
}

/**
 * `<out>/packs/.ziping-pack-manifest.json`: per pack PDF (and per year's summary), the hash
 * of what it was made from. A pack whose hash matches and whose files are intact is skipped.
 */
export interface PackManifest {
  version: 1;
  tool: string;
  /** Keyed by the pack's PDF path, or `summary:<year>` for a year's summary. */
  entries: Record<string, PackManifestEntry>;
}

export function packManifestFile(outDir: string): string {
  return join(outDir, 'packs', '.ziping-pack-manifest.json');
}

/** Missing or foreign → empty: everything is made again. */
export function readPackManifest(file: string, tool: string): PackManifest {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as PackManifest;
    if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') return { ...parsed, tool };
  } catch {
    // fall through
  }
  return { version: 1, tool, entries: {} };
}

export async function writePackManifest(file: string, manifest: PackManifest): Promise<void> {
  const entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(file, `${JSON.stringify({ ...manifest, entries })}\n`);
}
