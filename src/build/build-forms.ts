import { rm } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadFontSet } from '../render/fonts/font-set.js';
import { buildInputsHash } from './build-inputs-hash.js';
import type { BuildJobResult, BuildSettings } from './build-job.js';
import { manifestFile, readManifest, writeManifest, type ManifestEntry } from './build-manifest.js';
import { findDuplicateBuilds } from './find-duplicate-builds.js';
import { loadTemplateSources } from './load-template-sources.js';
import { planBuild, type BuildPlan } from './plan-build.js';
import { removeStaleTempFiles } from './remove-stale-temp-files.js';
import { runJobs } from './run-jobs.js';
import type { Shard } from './shard.js';
import { TOOL_VERSION } from './tool-version.js';

export interface BuildOptions extends BuildSettings {
  outDir: string;
  threads: number;
  force: boolean;
  prune: boolean;
  /** SOURCE_DATE_EPOCH was set: the date is part of what an output depends on. */
  fixedDate: boolean;
  shard?: Shard;
  signal?: AbortSignal;
  /** Called when the plan is known, then after every form. */
  onProgress?: (progress: { done: number; total: number; result?: BuildJobResult }) => void;
}

export interface BuildOutcome {
  /** Forms built or failed this time, in file order. */
  results: BuildJobResult[];
  unchanged: ManifestEntry[];
  orphans: ManifestEntry[];
  /** Outputs removed by --prune. */
  pruned: string[];
  manifest: string;
  interrupted: boolean;
}

/**
 * While forms complete, the manifest is rewritten at most this often, and at the end. Each
 * rewrite serialises every entry, so the pause after one grows with the manifest: writing
 * takes at most 1/MANIFEST_FLUSH_SHARE of the main thread (at 10,000 forms a rewrite is ~17 MB
 * of JSON; every 0.5 s it took the main thread whole and its garbage grew the heap ~25 KB a form).
 */
const MANIFEST_FLUSH_MS = 500;
const MANIFEST_FLUSH_SHARE = 20;

/**
 * Plans (unchanged forms are skipped), builds the rest on a worker pool, records each
 * finished form in the manifest, and checks across forms (one 项目编码 per year).
 */
export async function buildForms(paths: string[], options: BuildOptions): Promise<BuildOutcome> {
  const file = manifestFile(options.outDir, options.shard);
  const manifest = readManifest(file, TOOL_VERSION);
  manifest.tool = TOOL_VERSION;
  const inputsHash = buildInputsHash(TOOL_VERSION, options, loadTemplateSources(options.templatesDir), loadFontSet(options.fontConfig), options.fixedDate);
  await removeStaleTempFiles(options.outDir);
  const plan = await planBuild(paths, { outDir: options.outDir, manifest, inputsHash, formats: options.formats, force: options.force, shard: options.shard });
  const results: BuildJobResult[] = plan.collisions.map(collisionResult);
  options.onProgress?.({ done: 0, total: plan.jobs.length });

  let lastFlush = performance.now();
  let lastFlushCost = 0;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () =>
    (flushing = flushing.then(async () => {
      const started = performance.now();
      await writeManifest(file, manifest);
      lastFlushCost = performance.now() - started;
    }));
  const settings: BuildSettings = {
    formats: options.formats,
    docxFonts: options.docxFonts,
    fontConfig: options.fontConfig,
    templatesDir: options.templatesDir,
    date: options.date,
    pdfa: options.pdfa,
  };
  await runJobs(plan.jobs, settings, {
    threads: options.threads,
    signal: options.signal,
    onResult: async (result) => {
      results.push(result);
      if (result.ok && result.summary && result.printed) {
        manifest.entries[result.file] = {
          source: result.file,
          sourceHash: result.sourceHash,
          inputsHash,
          ...result.summary,
          printed: result.printed,
          warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
          outputs: result.outputs,
        };
      } else {
        delete manifest.entries[result.file];
      }
      options.onProgress?.({ done: results.length, total: plan.jobs.length, result });
      if (performance.now() - lastFlush > Math.max(MANIFEST_FLUSH_MS, MANIFEST_FLUSH_SHARE * lastFlushCost)) {
        lastFlush = performance.now();
        await flush();
      }
    },
  });

  for (const duplicate of findDuplicateBuilds(results, plan.unchanged)) {
    const result = results.find((r) => r.file === duplicate.file)!;
    result.ok = false;
    result.diagnostics.push(duplicate);
    for (const output of result.outputs) await rm(output.file, { force: true });
    result.removed.push(...result.outputs.map((o) => o.file));
    result.outputs = [];
    delete manifest.entries[result.file];
  }
  const pruned: string[] = [];
  if (options.prune) {
    for (const orphan of plan.orphans) {
      for (const output of orphan.outputs) if (await rm(output.file).then(() => true, () => false)) pruned.push(output.file);
      delete manifest.entries[orphan.source];
    }
  }
  await flush();
  await flushing;
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, unchanged: plan.unchanged, orphans: plan.orphans, pruned, manifest: file, interrupted: options.signal?.aborted ?? false };
}

/** A source whose outputs another source would overwrite: not built, and nothing of it removed. */
function collisionResult({ file, others, outBase }: BuildPlan['collisions'][number]): BuildJobResult {
  const diagnostic: Diagnostic = {
    code: 'E_OUTPUT_COLLISION',
    severity: 'error',
    message: `与 ${others.join('、')} 的输出路径相同（${outBase}.*），两张表都未生成`,
    hint: '把它们放在不同的文件夹下一起构建（如 ziping build data），或分别构建到不同的 --out',
    file,
    line: 1,
    col: 1,
    path: '',
  };
  return { file, ok: false, sourceHash: '', diagnostics: [diagnostic], outputs: [], removed: [], ms: 0 };
}

export function errorsOf(result: BuildJobResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}
