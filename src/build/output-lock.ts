import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_NAME = '.ziping-build.lock';

/** Another build (PID named) is writing the same output folder. */
export class OutputLockedError extends Error {
  readonly code = 'E_OUT_LOCKED';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`另一个 ziping 进程（PID ${pid}）正在写入 ${lockFile.slice(0, -LOCK_NAME.length - 1) || '.'}：等它结束后再运行；若该进程已不存在，删除 ${lockFile} [E_OUT_LOCKED]`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new OutputLockedError(file, pid);
      rmSync(file, { force: true }); // stale: its build died without removing it
    }
  }
  throw new OutputLockedError(file, Number.NaN);
}
