import { defaultJobs } from '../build/run-jobs.js';
import { UsageError } from './usage-error.js';

/** `--jobs N`: worker threads for a build, by default one per processor. */
export function parseJobs(text: string | undefined): number {
  if (text === undefined) return defaultJobs();
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs 应为正整数（收到 ${text}）`);
  return jobs;
}
