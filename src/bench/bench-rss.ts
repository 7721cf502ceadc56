import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticTree } from './write-synthetic-tree.js';
import { ZIPING_BIN } from './ziping-bin.js';

/** Resident set of a process in MB, from /proc (Linux), or undefined once it has exited. */
function rssMB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Does memory stay flat over a long batch? Builds `count` synthetic forms with the real
 * `ziping build` (PDF + DOCX, its worker pool) and samples the process's RSS every 250 ms
 * against the forms done (from the plain progress lines). Prints RSS at each tenth of the
 * way and the growth per 1,000 forms over the second half (a leak shows as a steady slope).
 */
export async function benchRss(count: number, seed: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-bench-rss-'));
  try {
    writeSyntheticTree(join(dir, 'data'), count, seed);
    const started = performance.now();
    const child = spawn(process.execPath, [ZIPING_BIN, 'build', 'data'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let done = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/已生成 (\d+)\/(\d+)/g)) done = Number(match[1]);
    });
    const samples: { done: number; rss: number }[] = [];
    const timer = setInterval(() => {
      const rss = rssMB(child.pid!);
      if (rss !== undefined) samples.push({ done, rss });
    }, 250);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(timer);
    if (code !== 0) throw new Error(`build failed (exit ${code})`);
    const wall = (performance.now() - started) / 1000;
    console.log(`\nRSS over a long batch: ${count} forms, PDF + DOCX, ${wall.toFixed(0)} s (${(count / wall).toFixed(1)} forms/s)`);
    const at = (fraction: number) => samples.filter((s) => s.done <= fraction * count).reduce((max, s) => Math.max(max, s.rss), 0);
    console.log(`  peak RSS up to   ${[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((f) => `${f * 100}%: ${at(f).toFixed(0)}`).join('  ')} MB`);
    const late = samples.filter((s) => s.done >= count / 2 && s.done < count);
    const n = late.length;
    if (n > 2) {
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const mx = mean(late.map((s) => s.done));
      const my = mean(late.map((s) => s.rss));
      const slope = late.reduce((sum, s) => sum + (s.done - mx) * (s.rss - my), 0) / late.reduce((sum, s) => sum + (s.done - mx) ** 2, 0);
      console.log(`  second half      ${(slope * 1000).toFixed(1)} MB per 1,000 forms (least-squares slope of ${n} samples), peak ${Math.max(...late.map((s) => s.rss)).toFixed(0)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
