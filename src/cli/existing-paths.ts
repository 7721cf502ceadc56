import { existsSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/**
 * Paths the user named must exist: a misspelt one is bad usage (exit 2, as git and cargo do),
 * not a form error at a made-up `path:1:1`, and not a run that quietly compared or built nothing.
 */
export function requireExistingPaths(paths: readonly string[], hint = ''): void {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new UsageError(`路径不存在：${missing.join('、')} [E_PATH_NOT_FOUND]${hint}`);
}
