import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { writeSyntheticTree } from './write-synthetic-tree.js';
import { ZIPING_BIN } from './ziping-bin.js';

interface BuildRun {
  wallMs: number;
  summary: { built: number; unchanged: number; failed: number; peakRssMB: number };
  forms: { ms?: number; status: string }[];
}

function runBuild(cwd: string, extra: string[] = []): BuildRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [ZIPING_BIN, 'build', 'data', '--json', ...extra], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  return { wallMs, ...(JSON.parse(result.stdout) as Omit<BuildRun, 'wallMs'>) };
}

const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;

/**
 * The year-end batch, end to end: a seeded synthetic tree in a temp folder, the real
 * `ziping build` command (a fresh process, its worker pool, PDF + DOCX), then one changed form.
 */
export function benchBatch(count: number, seed: number, jobs?: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-bench-'));
  try {
    writeSyntheticTree(join(dir, 'data'), count, seed);
    const jobArgs = jobs ? ['--jobs', String(jobs)] : [];
    const cold = runBuild(dir, jobArgs);
    const perForm = cold.forms.map((f) => f.ms ?? 0);
    const bytes = fg.sync('out/**/*.{pdf,docx}', { cwd: dir, stats: true }).reduce((sum, entry) => sum + (entry.stats?.size ?? 0), 0);
    console.log(`\nbatch: ${count} forms, PDF + DOCX, \`ziping build\` in a fresh process${jobs ? `, --jobs ${jobs}` : ''}`);
    console.log(`  cold build   wall ${(cold.wallMs / 1000).toFixed(2)} s   ${(count / (cold.wallMs / 1000)).toFixed(1)} forms/s   built ${cold.summary.built}, failed ${cold.summary.failed}`);
    console.log(`  per form     p50 ${quantile(perForm, 0.5).toFixed(1)} ms   p95 ${quantile(perForm, 0.95).toFixed(1)} ms (in its worker)`);
    console.log(`  peak RSS     ${cold.summary.peakRssMB} MB (the build process, all worker threads included)`);
    console.log(`  output       ${(bytes / 1024 / 1024).toFixed(1)} MB (${(bytes / count / 1024).toFixed(1)} KB per form)`);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/.ziping-manifest.json'), 'utf8')) as { entries: object };
    console.log(`  manifest     ${Object.keys(manifest.entries).length} entries`);
    const noop = runBuild(dir, jobArgs);
    console.log(`  no change    wall ${(noop.wallMs / 1000).toFixed(2)} s   unchanged ${noop.summary.unchanged}`);
    const [first] = fg.sync('data/**/*.yaml', { cwd: dir }).sort();
    writeFileSync(join(dir, first), readFileSync(join(dir, first), 'utf8').replace(/status: .*/, 'status: 绩效审核待审'));
    const one = runBuild(dir, jobArgs);
    console.log(`  one changed  wall ${(one.wallMs / 1000).toFixed(2)} s   built ${one.summary.built}, unchanged ${one.summary.unchanged}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
