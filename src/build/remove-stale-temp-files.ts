import { rm } from 'node:fs/promises';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A build killed mid-write leaves its temp files (`.x.pdf.<pid>.<random>.tmp`, never a
 * truncated x.pdf); the next build removes those whose process is gone.
 */
export async function removeStaleTempFiles(outDir: string): Promise<string[]> {
  const temps = await (await import('fast-glob')).default('**/.*.*.tmp', { cwd: outDir, dot: true, absolute: true, onlyFiles: true }).catch(() => []);
  const removed: string[] = [];
  for (const temp of temps) {
    const pid = Number(/\.(\d+)\.[a-z0-9]+\.tmp$/.exec(temp)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await rm(temp, { force: true });
      removed.push(temp);
    }
  }
  return removed;
}
