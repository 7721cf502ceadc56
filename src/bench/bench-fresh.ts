import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZIPING_BIN } from './ziping-bin.js';

const SAMPLE = 'data/2023/yuzhong-gov-office/department-overall.yaml';

/**
 * `ziping build` of one form in a fresh process, as a user starts it: node's own start-up,
 * loading the modules, parsing the fonts, rendering and writing. Median, min and max of
 * `runs` runs, for PDF alone and for PDF + DOCX (start-up time is noisy on a shared machine).
 */
export function benchFresh(runs: number): void {
  console.log(`\nfresh process: \`ziping build\` of one form (${SAMPLE}), ${runs} runs each`);
  for (const format of ['pdf', 'pdf,docx']) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const out = mkdtempSync(join(tmpdir(), 'ziping-bench-fresh-'));
      try {
        const started = performance.now();
        const result = spawnSync(process.execPath, [ZIPING_BIN, 'build', SAMPLE, '--out', out, '--format', format], { encoding: 'utf8' });
        times.push(performance.now() - started);
        if (result.status !== 0) throw new Error(`ziping build failed (${result.status}): ${result.stderr}`);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
    times.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(`  --format ${format.padEnd(8)} median ${ms(times[Math.floor(times.length / 2)]!)}   min ${ms(times[0]!)}   max ${ms(times[times.length - 1]!)}`);
  }
}
