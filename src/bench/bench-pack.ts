import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticTree } from './write-synthetic-tree.js';
import { ZIPING_BIN } from './ziping-bin.js';

function pack(tree: string, out: string): { seconds: number; packs: { forms: number; pages: number; ms: number }[] } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [ZIPING_BIN, 'pack', tree, '--out', out, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  if (result.status !== 0) throw new Error(`pack failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  return { seconds: (performance.now() - started) / 1000, ...(JSON.parse(result.stdout) as { packs: { forms: number; pages: number; ms: number }[] }) };
}

/** One department of `count` forms packed end to end: from nothing, and again with the forms already built. */
export function benchPack(count: number, seed: number): void {
  const tree = mkdtempSync(join(tmpdir(), 'ziping-bench-pack-'));
  const out = mkdtempSync(join(tmpdir(), 'ziping-bench-pack-out-'));
  try {
    // The synthetic forms all carry the sample's department: one pack.
    writeSyntheticTree(tree, count, seed);
    const cold = pack(tree, out);
    rmSync(join(out, 'packs'), { recursive: true, force: true });
    const warm = pack(tree, out);
    console.log(`\npack: one department of ${count} forms (${warm.packs[0]?.pages} pages)`);
    console.log(`  from nothing (forms built too)  ${cold.seconds.toFixed(1)} s`);
    console.log(`  forms already built             ${warm.seconds.toFixed(1)} s (assembly ${((warm.packs[0]?.ms ?? 0) / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(tree, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
