import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyManifest, manifestFile, readManifest, writeManifest } from './build-manifest.js';
import { TOOL_VERSION } from './tool-version.js';

/**
 * Joins the manifest parts written by `build --shard K/N` (one per machine of a CI matrix or
 * indexed Job, copied into one output folder) into the folder's manifest.
 */
export async function mergeManifests(outDir: string): Promise<{ file: string; parts: string[]; entries: number }> {
  const parts = (await readdir(outDir).catch(() => [] as string[])).filter((name) => /^\.ziping-manifest\.shard-\d+-of-\d+\.json$/.test(name)).sort();
  const file = manifestFile(outDir);
  const merged = readManifest(file, TOOL_VERSION) ?? emptyManifest(TOOL_VERSION);
  for (const part of parts) Object.assign(merged.entries, readManifest(join(outDir, part), TOOL_VERSION).entries);
  await writeManifest(file, merged);
  return { file, parts, entries: Object.keys(merged.entries).length };
}
