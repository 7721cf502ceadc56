import cliProgress from 'cli-progress';
import type { BuildJobResult } from '../build/build-job.js';
import { canDrawProgress, isQuiet } from './output.js';

export interface BuildProgress {
  update(progress: { done: number; total: number; result?: BuildJobResult }): void;
  stop(): void;
}

/**
 * On a terminal that can draw (not TERM=dumb), a bar (done/total, rate, time left); otherwise a
 * plain line every 5% or 5 s, so CI logs stay readable; nothing under --quiet. Always on
 * stderr: stdout is for the result (and --json).
 */
export function createBuildProgress(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  if (isQuiet()) return { update: () => undefined, stop: () => undefined };
  if (canDrawProgress(stream)) {
    const bar = new cliProgress.SingleBar(
      { format: '生成中 [{bar}] {value}/{total} 个表单 | {rate} 个/秒 | 剩余{left}', stream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    let running = false;
    return {
      update({ done, total }) {
        if (!running && total > 0) {
          bar.start(total, 0, { rate: '—', left: '时间估算中' });
          running = true;
        }
        if (running) bar.update(done, progressPayload(done, total, (performance.now() - started) / 1000));
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

/**
 * Rate and time left from what is done so far. cli-progress's own ETA printed `NFs` (infinity)
 * until the first form was done; with nothing done or under a second gone there is no estimate.
 */
export function progressPayload(done: number, total: number, seconds: number): { rate: string; left: string } {
  if (done === 0 || seconds < 1) return { rate: '—', left: '时间估算中' };
  const rate = done / seconds;
  const left = Math.ceil((total - done) / rate);
  return { rate: rate.toFixed(1), left: left >= 60 ? `约 ${Math.floor(left / 60)} 分 ${left % 60} 秒` : `约 ${left} 秒` };
}
