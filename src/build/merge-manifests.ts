import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { manifestFile, MANIFEST_VERSION, readManifest, writeManifest } from './build-manifest.js';
import { mergeDuplicateCodes } from './merge-duplicate-codes.js';
import { TOOL_VERSION } from './tool-version.js';

/** Shard manifests that cannot make a whole manifest; nothing is written. Bad usage (exit 2). */
export class MergeManifestsError extends Error {
  constructor(
    readonly code: 'E_SHARD_NONE' | 'E_SHARD_MISSING' | 'E_SHARD_MIXED' | 'E_SHARD_MANIFEST',
    message: string,
  ) {
    super(`${message} [${code}]`);
  }
}

const PART = /^\.ziping-manifest\.shard-(\d+)-of-(\d+)\.json$/;

/**
 * Joins the manifest parts written by `build --shard K/N` (one per machine of a CI matrix or
 * indexed Job, copied into one output folder) into the folder's manifest. All N parts of one
 * N must be there and readable — a shard that failed, or whose hidden manifest was not copied,
 * would otherwise leave its forms silently out of the merged manifest.
 */
export interface MergedManifests {
  file: string;
  parts: string[];
  entries: number;
  count: number;
  /** E_DUPLICATE_CODE for forms of different shards that share a year and 项目编码 (see mergeDuplicateCodes). */
  diagnostics: Diagnostic[];
  /** Outputs of those forms, removed. */
  removed: string[];
}

export async function mergeManifests(outDir: string): Promise<MergedManifests> {
  const names = (await readdir(outDir).catch(() => [] as string[])).filter((name) => PART.test(name));
  const parts = names.map((name) => {
    const [, index, count] = PART.exec(name)!.map(Number);
    return { name, index, count };
  });
  parts.sort((a, b) => a.count - b.count || a.index - b.index);
  if (parts.length === 0) {
    throw new MergeManifestsError('E_SHARD_NONE', `${outDir} 中没有分片清单（.ziping-manifest.shard-K-of-N.json）：各分片的输出是否已连同这些隐藏文件复制到这里？`);
  }
  const counts = [...new Set(parts.map((part) => part.count))];
  if (counts.length > 1) {
    throw new MergeManifestsError('E_SHARD_MIXED', `${outDir} 中的分片清单来自不同的分片数（${counts.map((n) => `共 ${n} 片`).join('、')}）：删除旧的分片清单后再合并`);
  }
  const [count] = counts;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !parts.some((part) => part.index === index));
  const extra = parts.filter((part) => part.index < 1 || part.index > count);
  if (missing.length > 0 || extra.length > 0) {
    const what = [...missing.map((index) => `缺少第 ${index} 片（.ziping-manifest.shard-${index}-of-${count}.json）`), ...extra.map((part) => `多出 ${part.name}`)];
    throw new MergeManifestsError('E_SHARD_MISSING', `${outDir} 中共 ${count} 片的清单不全：${what.join('、')}；该分片是否失败或未复制过来？`);
  }
  for (const part of parts) {
    const problem = partProblem(join(outDir, part.name));
    if (problem) throw new MergeManifestsError('E_SHARD_MANIFEST', `分片清单 ${join(outDir, part.name)} ${problem}`);
  }
  const file = manifestFile(outDir);
  const previous = readManifest(file, TOOL_VERSION);
  const merged = { ...previous, tool: TOOL_VERSION, entries: { ...previous.entries } };
  for (const part of parts) Object.assign(merged.entries, readManifest(join(outDir, part.name), TOOL_VERSION).entries);
  const { diagnostics, removed } = await mergeDuplicateCodes(merged, previous, outDir);
  await writeManifest(file, merged);
  return { file, parts: parts.map((part) => part.name), entries: Object.keys(merged.entries).length, count, diagnostics, removed };
}

/** Why a part cannot be merged (readManifest would read it as empty), or undefined. */
function partProblem(file: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (parsed.version !== MANIFEST_VERSION) return `的版本是 ${String(parsed.version)}，不是 ${MANIFEST_VERSION}（由另一个版本的 ziping 写成）`;
    if (typeof parsed.entries !== 'object' || parsed.entries === null) return '没有 entries';
    return undefined;
  } catch (error) {
    return `无法读取：${(error as Error).message}`;
  }
}
