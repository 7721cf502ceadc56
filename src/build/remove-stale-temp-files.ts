import { rm } from 'node:fs/promises';
import { isProcessRunning } from './is-process-running.js';

/**
 * A build killed mid-write leaves its temp files (`.x.pdf.<pid>.<random>.tmp`, never a
 * truncated x.pdf); the next build removes those whose process is gone.
 */
export async function removeStaleTempFiles(outDir: string): Promise<string[]> {
  const temps = await (await import('fast-glob')).default('**/.*.*.tmp', { cwd: outDir, dot: true, absolute: true, onlyFiles: true }).catch(() => []);
  const removed: string[] = [];
  for (const temp of temps) {
    const pid = Number(/\.(\d+)\.[a-z0-9]+\.tmp$/.exec(temp)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isProcessRunning(pid)) {
      await rm(temp, { force: true });
      removed.push(temp);
    }
  }
  return removed;
}
