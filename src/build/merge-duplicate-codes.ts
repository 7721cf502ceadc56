import { lstatSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findDuplicateCodes } from '../load/find-duplicate-codes.js';
import { yamlOffsetOf } from '../load/yaml-offset-of.js';
import { fileSha256, type BuildManifest, type ManifestEntry } from './build-manifest.js';
import { codeKey } from './find-duplicate-builds.js';
import { textPosition } from './project/text-position.js';
import { isInside } from './resolved-paths.js';

/**
 * One 项目编码 per year across shards. Each shard checked only its own forms, so two forms with
 * one code in different shards were both built; one build of all forms would have failed the
 * later one. The merge applies the same rule (a form that held the code in the manifest before
 * keeps it, else the first in name order) and undoes the loser: its entry leaves the merged
 * manifest and its outputs are removed — only files inside `outDir` that still have the bytes
 * its shard wrote — so the merged folder is what one build would have left.
 */
export async function mergeDuplicateCodes(merged: BuildManifest, previous: BuildManifest, outDir: string): Promise<{ diagnostics: Diagnostic[]; removed: string[] }> {
  const established = new Map(Object.values(previous.entries).map((entry) => [entry.source, codeKey(entry.year, entry.code)]));
  const rank = (entry: ManifestEntry) => (established.get(entry.source) === codeKey(entry.year, entry.code) ? 0 : 1);
  const entries = Object.values(merged.entries).sort((a, b) => rank(a) - rank(b) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const diagnostics = findDuplicateCodes(entries.map((entry) => ({ file: entry.source, form: { year: entry.year, project: { code: entry.code } }, locate: () => codePosition(entry.source) })));
  const removed: string[] = [];
  for (const diagnostic of diagnostics) {
    const entry = merged.entries[diagnostic.file];
    delete merged.entries[diagnostic.file];
    for (const output of entry.outputs) {
      const path = resolve(output.file);
      const info = lstatSync(path, { throwIfNoEntry: false });
      if (!isInside(path, resolve(outDir)) || !info?.isFile() || fileSha256(readFileSync(path)) !== output.sha256) continue;
      await rm(path);
      removed.push(output.file);
    }
  }
  return { diagnostics, removed };
}

/** Where `project.code` stands in the source, when the merge runs where the sources are; else 1:1. */
function codePosition(file: string): { line: number; col: number } {
  try {
    const text = readFileSync(file, 'utf8');
    return textPosition(text, yamlOffsetOf(parseDocument(text), ['project', 'code']));
  } catch {
    return { line: 1, col: 1 };
  }
}
