import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProcessRunning } from './is-process-running.js';

export const LOCK_NAME = '.ziping-build.lock';

/** Another build (PID named) is writing the same output folder. */
export class OutputLockedError extends Error {
  readonly code = 'E_OUT_LOCKED';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`另一个 ziping 进程（PID ${pid}）正在写入 ${dirname(lockFile)}：等它结束后再运行；若该进程已不存在，删除 ${lockFile} [E_OUT_LOCKED]`);
  }
}

/**
 * Takes `<out>/.ziping-build.lock` (O_EXCL, holding our PID) for the length of a build, so two
 * builds into one folder cannot interleave their outputs and manifest (one of them used to
 * lose half the entries). A lock whose process is gone (kill -9) is taken over.
 */
export function lockOutput(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessRunning(pid)) throw new OutputLockedError(file, pid);
      rmSync(file, { force: true }); // stale: its build died without removing it
    }
  }
  throw new OutputLockedError(file, Number.NaN);
}
