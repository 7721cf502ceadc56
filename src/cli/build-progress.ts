import cliProgress from 'cli-progress';
import type { BuildJobResult } from '../build/build-job.js';

export interface BuildProgress {
  update(progress: { done: number; total: number; result?: BuildJobResult }): void;
  stop(): void;
}

/**
 * On a terminal, a bar (done/total, rate, ETA); otherwise a plain line every 5% or 5 s, so CI
 * logs stay readable. Always on stderr: stdout is for the result (and --json).
 */
export function createBuildProgress(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '生成中 [{bar}] {value}/{total} 个表单 | {rate} 个/秒 | 剩余约 {eta_formatted}', stream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    let running = false;
    return {
      update({ done, total }) {
        if (!running && total > 0) {
          bar.start(total, 0, { rate: '0' });
          running = true;
        }
        if (running) bar.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1) });
      },
      stop: () => running && bar.stop(),
    };
  }
  let lastLine = 0;
  let lastShare = -1;
  return {
    update({ done, total }) {
      if (total < 20) return;
      const share = Math.floor((done / total) * 20);
      if (done === total || share > lastShare || performance.now() - lastLine > 5000) {
        stream.write(`已生成 ${done}/${total}\n`);
        lastShare = share;
        lastLine = performance.now();
      }
    },
    stop: () => undefined,
  };
}
