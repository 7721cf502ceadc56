import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import type { BuildJob, BuildJobResult, BuildSettings } from './build-job.js';
import { runBuildJob } from './run-build-job.js';

/** Below this many forms a worker pool costs more to start (fonts load per thread) than it saves. */
const POOL_THRESHOLD = 4;

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Runs the jobs on a pool of worker threads (each keeping its fonts and templates loaded), or
 * in this thread for a handful of forms. A worker that crashes fails only its form.
 * `onResult` sees each result as it comes; `signal` stops handing out new forms.
 */
export async function runJobs(
  jobs: BuildJob[],
  settings: BuildSettings,
  options: { threads: number; onResult: (result: BuildJobResult) => void | Promise<void>; signal?: AbortSignal },
): Promise<void> {
  const crashed = (job: BuildJob, error: unknown): BuildJobResult => ({
    file: job.file,
    ok: false,
    sourceHash: '',
    diagnostics: [
      { code: 'E_INTERNAL', severity: 'error', message: `生成时内部出错：${(error as Error)?.message ?? String(error)}`, file: job.file, line: 1, col: 1, path: '' },
    ],
    outputs: [],
    removed: [],
    ms: 0,
  });
  if (options.threads <= 1 || jobs.length < POOL_THRESHOLD) {
    for (const job of jobs) {
      if (options.signal?.aborted) return;
      await options.onResult(await runBuildJob(job, settings).catch((error) => crashed(job, error)));
    }
    return;
  }
  // Every queued task listens on the signal: thousands of listeners are expected here.
  if (options.signal) setMaxListeners(0, options.signal);
  const threads = Math.min(options.threads, jobs.length);
  // Imported here: a build of a handful of forms (or none) never starts a pool.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./build-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // Measured on 300 forms, 2 workers: 16 MB gives the same wall time as V8's default with
    // ~55 MB less peak RSS (550 vs 606 MB); 48 MB was slower and larger.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  try {
    await Promise.all(
      jobs.map((job) =>
        pool
          .run({ job, settings }, { signal: options.signal })
          .then(
            (result: BuildJobResult) => result,
            (error: unknown) => (options.signal?.aborted ? null : crashed(job, error)),
          )
          .then((result) => (result ? options.onResult(result) : undefined)),
      ),
    );
  } finally {
    await pool.destroy();
  }
}
