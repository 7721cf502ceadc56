import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverSources, MAX_SOURCE_BYTES } from '../load/index.js';
import type { BuildJob } from './build-job.js';
import { manifestKey, type BuildManifest, type ManifestEntry } from './build-manifest.js';
import { hashBytes } from './hash-bytes.js';
import { outputBase } from './output-path.js';
import { inShard, type Shard } from './shard.js';
import { MAX_TEMPLATE_BYTES } from './read-user-template.js';

export interface BuildPlan {
  jobs: BuildJob[];
  unchanged: ManifestEntry[];
  /** Manifest entries whose source file is gone. */
  orphans: ManifestEntry[];
  /** Sources that would write the same output path as another source: none of them is built. */
  collisions: { file: string; others: string[]; outBase: string }[];
}

/** Groups the sources by output path; every source of a group larger than one collides. */
function findCollisions(jobs: BuildJob[]): BuildPlan['collisions'] {
  const byOutput = new Map<string, string[]>();
  for (const job of jobs) {
    const files = byOutput.get(job.outBase);
    if (files) files.push(job.file);
    else byOutput.set(job.outBase, [job.file]);
  }
  return [...byOutput].flatMap(([outBase, files]) =>
    files.length < 2 ? [] : files.map((file) => ({ file, others: files.filter((other) => other !== file), outBase })),
  );
}

// Synchronous on purpose: thousands of small stats and reads, each awaited in turn, spend
// most of their time queueing for the thread pool (measured: ~0.5 s idle for 300 forms).
const statOrNull = (file: string) => statSync(file, { throwIfNoEntry: false }) ?? null;

function outputsIntact(entry: ManifestEntry): boolean {
  for (const output of entry.outputs) {
    const info = statOrNull(output.file);
    if (!info || info.size !== output.size) return false;
  }
  return true;
}

/** The form's own template, if it has one, still has the text it was built with. */
function templateUnchanged(entry: ManifestEntry): boolean {
  if (!entry.template) return true;
  const info = statOrNull(entry.template.file);
  return info !== null && info.isFile() && info.size <= MAX_TEMPLATE_BYTES && hashBytes(readFileSync(entry.template.file, 'utf8')) === entry.template.hash;
}

/**
 * Decides what to build: a form is unchanged when its source bytes, the build inputs and the
 * set of outputs match the manifest and every output is still there at its recorded size.
 */
export async function planBuild(
  paths: string[],
  options: {
    outDir: string;
    manifest: BuildManifest;
    inputsHash: string;
    formats: string[];
    force: boolean;
    shard?: Shard;
    /** Called as each form is found to need building (the build starts a worker on the first). */
    onJob?: () => void;
  },
): Promise<BuildPlan> {
  const files = (await discoverSources(paths)).filter((file) => !options.shard || inShard(file, options.shard));
  const jobs: BuildJob[] = [];
  const unchanged: ManifestEntry[] = [];
  // Checked before anything is written: two departments' x.yaml must not overwrite one x.pdf.
  const planned = files.map((file) => ({ file, outBase: outputBase(file, paths, options.outDir) }));
  const collisions = findCollisions(planned);
  const colliding = new Set(collisions.map((c) => c.file));
  for (const job of planned) {
    if (colliding.has(job.file)) continue;
    const file = job.file;
    const entry = options.manifest.entries[manifestKey(file)];
    if (options.force || !entry || entry.inputsHash !== options.inputsHash) {
      jobs.push(job);
      options.onJob?.();
      continue;
    }
    const expected = options.formats.map((format) => `${job.outBase}.${format}`);
    const info = statOrNull(file);
    const same =
      info !== null &&
      info.size <= MAX_SOURCE_BYTES &&
      entry.outputs.map((o) => resolve(o.file)).join('\n') === expected.map((e) => resolve(e)).join('\n') &&
      entry.sourceHash === hashBytes(readFileSync(file)) &&
      templateUnchanged(entry) &&
      outputsIntact(entry);
    if (same) unchanged.push(entry);
    else {
      jobs.push(job);
      options.onJob?.();
    }
  }
  const current = new Set(files.map(manifestKey));
  const orphans: ManifestEntry[] = [];
  for (const entry of Object.values(options.manifest.entries)) {
    if (current.has(entry.source)) continue;
    if (options.shard && !inShard(entry.source, options.shard)) continue;
    if (!statOrNull(entry.source)) orphans.push(entry);
  }
  return { jobs, unchanged, orphans, collisions };
}
