import { lstatSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadFontSet } from '../render/fonts/font-set.js';
import { buildInputsHash } from './build-inputs-hash.js';
import { failedResult, type BuildJobResult, type BuildSettings } from './build-job.js';
import { fileSha256, manifestFile, manifestKey, readManifest, writeManifest, type ManifestEntry, type ManifestOutput } from './build-manifest.js';
import { codeKey, findDuplicateBuilds } from './find-duplicate-builds.js';
import { loadFormats } from './load-template-sources.js';
import { groupByFile } from '../diagnostics/group-by-file.js';
import { lockOutput } from './output-lock.js';
import { planBuild, type BuildPlan } from './plan-build.js';
import { removeStaleTempFiles } from './remove-stale-temp-files.js';
import { isInside } from './resolved-paths.js';
import { startFormPool, type FormPool } from './run-jobs.js';
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
  /** Workers to build on (kept warm across builds by --watch); else the build starts and ends its own. */
  pool?: FormPool;
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
  /** Outputs of orphans that --prune left, and why. */
  notPruned: { file: string; reason: string }[];
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
  const unlock = lockOutput(options.outDir);
  try {
    return await buildLocked(paths, options);
  } finally {
    unlock();
  }
}

export function buildSettings(options: BuildSettings): BuildSettings {
  const { formats, docxFonts, fontConfig, templatesDir, formatFolders, templateRoots, date, pdfa } = options;
  return { formats, docxFonts, fontConfig, templatesDir, formatFolders, templateRoots, date, pdfa };
}

async function buildLocked(paths: string[], options: BuildOptions): Promise<BuildOutcome> {
  const settings = buildSettings(options);
  // The caller's pool (started as the command began; watch keeps one warm), or one of this build's.
  const pool = options.pool ?? startFormPool(options.threads);
  try {
    return await buildWith(pool, settings, paths, options);
  } finally {
    if (!options.pool) await pool.close();
  }
}

async function buildWith(pool: FormPool, settings: BuildSettings, paths: string[], options: BuildOptions): Promise<BuildOutcome> {
  const file = manifestFile(options.outDir, options.shard);
  const manifest = readManifest(file, TOOL_VERSION);
  manifest.tool = TOOL_VERSION;
  const inputsHash = buildInputsHash(TOOL_VERSION, options, loadFormats(options.templatesDir, options.formatFolders).templates, loadFontSet(options.fontConfig), options.fixedDate);
  await removeStaleTempFiles(options.outDir);
  const plan = await planBuild(paths, {
    outDir: options.outDir,
    manifest,
    inputsHash,
    formats: options.formats,
    force: options.force,
    shard: options.shard,
    // The first worker loads its code while the rest of the sources are hashed.
    onJob: () => pool.start(),
  });
  // A format definition with errors fails the build where it is (its forms fail as naming no format).
  const definitionErrors = groupByFile(loadFormats(options.templatesDir, options.formatFolders).registry.diagnostics);
  const results: BuildJobResult[] = [...[...definitionErrors].map(([definition, diagnostics]) => failedResult(definition, diagnostics)), ...plan.collisions.map(collisionResult)];
  const previous = new Map(Object.values(manifest.entries).map((entry) => [entry.source, entry]));
  const established = new Map([...previous].map(([source, entry]) => [source, codeKey(entry.year, entry.code)]));
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
  await pool.run(plan.jobs, settings, {
    signal: options.signal,
    onResult: async (result) => {
      results.push(result);
      if (result.ok && result.summary && result.printed) {
        manifest.entries[manifestKey(result.file)] = {
          source: manifestKey(result.file),
          sourceHash: result.sourceHash,
          inputsHash,
          ...result.summary,
          printed: result.printed,
          warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
          outputs: result.outputs,
          ...(result.template ? { template: result.template } : {}),
        };
      } else {
        delete manifest.entries[manifestKey(result.file)];
      }
      options.onProgress?.({ done: results.length, total: plan.jobs.length, result });
      if (performance.now() - lastFlush > Math.max(MANIFEST_FLUSH_MS, MANIFEST_FLUSH_SHARE * lastFlushCost)) {
        lastFlush = performance.now();
        await flush();
      }
    },
  });

  for (const duplicate of findDuplicateBuilds(results, plan.unchanged, established)) {
    const result = results.find((r) => r.file === duplicate.file);
    if (!result) {
      // An unchanged form that another unchanged one duplicates (shard manifests merged): it
      // fails and is rebuilt next time; its files are left as they are.
      results.push(failedResult(duplicate.file, [duplicate]));
      const index = plan.unchanged.findIndex((entry) => entry.source === manifestKey(duplicate.file));
      if (index >= 0) plan.unchanged.splice(index, 1);
      delete manifest.entries[manifestKey(duplicate.file)];
      continue;
    }
    result.ok = false;
    result.diagnostics.push(duplicate);
    for (const output of result.outputs) await rm(output.file, { force: true });
    // Written a moment ago; only the files an earlier build left are reported as removed.
    const before = new Set(previous.get(manifestKey(result.file))?.outputs.map((output) => resolve(output.file)));
    result.removed.push(...result.outputs.map((o) => o.file).filter((file) => before.has(resolve(file))));
    result.outputs = [];
    delete manifest.entries[manifestKey(result.file)];
  }
  const pruned: string[] = [];
  const notPruned: { file: string; reason: string }[] = [];
  if (options.prune) {
    const current = new Set([...results.flatMap((r) => r.outputs), ...plan.unchanged.flatMap((e) => e.outputs)].map((o) => resolve(o.file)));
    for (const orphan of plan.orphans) {
      let kept = 0;
      for (const output of orphan.outputs) {
        const reason = whyNotPrune(output, options.outDir, current);
        if (reason) {
          notPruned.push({ file: output.file, reason });
          kept += 1;
        } else if (await rm(output.file).then(() => true, () => false)) {
          pruned.push(output.file);
        }
      }
      // An entry whose files were not all removed stays, so the next --prune still lists them.
      if (kept === 0) delete manifest.entries[orphan.source];
    }
  }
  await flush();
  await flushing;
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, unchanged: plan.unchanged, orphans: plan.orphans, pruned, notPruned, manifest: file, interrupted: options.signal?.aborted ?? false };
}

/**
 * --prune deletes a file only when it is inside the output folder, is a regular file (not a
 * link), is not an output of a form of this build, and still has the bytes the build wrote
 * (its SHA-256 in the manifest): a hand-edited or merged manifest can name nothing else.
 */
function whyNotPrune(output: ManifestOutput, outDir: string, current: Set<string>): string | undefined {
  const path = resolve(output.file);
  if (path === resolve(outDir) || !isInside(path, resolve(outDir))) return '不在输出文件夹内';
  if (current.has(path)) return '是本次构建的表单的输出';
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (!info) return '文件已不存在';
  if (!info.isFile()) return '不是普通文件';
  if (fileSha256(readFileSync(path)) !== output.sha256) return '内容已改动（与清单中的 SHA-256 不符）';
  return undefined;
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
  return failedResult(file, [diagnostic]);
}

export function errorsOf(result: BuildJobResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}
