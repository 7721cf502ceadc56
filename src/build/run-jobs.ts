import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failedResult, type BuildJob, type BuildJobResult, type BuildSettings } from './build-job.js';
import type { BuildWorkerTask } from './build-worker.js';
import { FORM_STARTED, WORKER_LOADED } from './worker-loaded.js';

export function defaultJobs(): number {
  return availableParallelism();
}

/** What one form may take: past either, its worker is stopped and the form fails with a coded error. */
export interface FormLimits {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * A legible form builds in well under a second and ~100 MB; these leave room for a long
 * national form on a slow machine while stopping a runaway one long before it takes the batch
 * (a 100k-character cell once ran 180 s at 4.3 GB). `ZIPING_FORM_TIMEOUT_S` and
 * `ZIPING_FORM_MEMORY_MB` set them; memory is at least 256 MB, because a worker that runs out
 * while still loading its code takes the whole process down with it (Node 20, measured at 8 MB).
 */
export function formLimits(env: NodeJS.ProcessEnv = process.env): FormLimits {
  const positive = (text: string | undefined, fallback: number) => (text && Number(text) > 0 ? Number(text) : fallback);
  return {
    timeoutMs: positive(env.ZIPING_FORM_TIMEOUT_S, 120) * 1000,
    memoryMb: Math.max(MIN_FORM_MEMORY_MB, Math.round(positive(env.ZIPING_FORM_MEMORY_MB, 2048))),
  };
}

const MIN_FORM_MEMORY_MB = 256;

export interface FormPool {
  /**
   * Builds the jobs, at most one per thread at a time, each under the limits. `onResult` sees
   * each result as it comes; `signal` stops handing out new forms (those running finish).
   */
  run(
    jobs: BuildJob[],
    settings: BuildSettings,
    options: { onResult: (result: BuildJobResult) => void | Promise<void>; signal?: AbortSignal },
  ): Promise<void>;
  /** Starts the first worker if none is running (it loads its code meanwhile); idempotent. */
  start(): void;
  /** Loads every font face and both renderers in a worker ahead of the first form (watch mode). */
  warm(settings: BuildSettings): Promise<void>;
  close(): Promise<void>;
}

const failure = (job: BuildJob, code: string, message: string, hint?: string): BuildJobResult => {
  const diagnostic: Diagnostic = { code, severity: 'error', message, file: job.file, line: 1, col: 1, path: '', ...(hint ? { hint } : {}) };
  return failedResult(job.file, [diagnostic]);
};

/**
 * Worker threads that build forms, each keeping its fonts and templates loaded. Every form —
 * one or thousands — runs in a worker, because only a worker can be stopped: V8's heap limit
 * (`resourceLimits`) ends a form that grows without bound, and terminating the thread ends
 * one that runs too long, while the main thread goes on and writes the manifest.
 *
 * With `now`, the first worker starts at once and loads its code while the caller reads its
 * settings and plans (a one-form build then pays ~60 ms for the thread rather than ~110 ms).
 */
export function startFormPool(threads: number, options: { now?: boolean; limits?: FormLimits } = {}): FormPool {
  const limits = options.limits ?? formLimits();
  let created: Piscina<BuildWorkerTask, BuildJobResult | null> | undefined;
  // Threads whose modules are evaluated (see build-worker.ts): only those may be terminated.
  const loaded = new Set<number>();
  let recheck = () => {};
  /** Per form in flight: what to do when its worker says it has started it (arm its timer). */
  const started = new Map<string, () => void>();
  const piscina = () => {
    if (created) return created;
    created = new Piscina<BuildWorkerTask, BuildJobResult | null>({
      filename: new URL('./build-worker.js', import.meta.url).href,
      minThreads: 1,
      maxThreads: Math.max(1, threads),
      idleTimeout: 1000,
      // Measured on 300 forms, 2 workers: 16 MB gives the same wall time as V8's default with
      // ~55 MB less peak RSS (550 vs 606 MB); 48 MB was slower and larger.
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: limits.memoryMb },
    });
    created.on('message', (message: Record<string, unknown>) => {
      if (typeof message?.[WORKER_LOADED] === 'number') loaded.add(message[WORKER_LOADED]);
      if (typeof message?.[FORM_STARTED] === 'string') started.get(message[FORM_STARTED])?.();
      recheck();
    });
    created.on('workerDestroy', () => recheck());
    return created;
  };
  // A build that will surely build forms starts its first worker now, to load while the main
  // thread plans; otherwise the first form starts it (a build with nothing to do starts none).
  if (options.now) piscina();
  const seconds = limits.timeoutMs / 1000;
  const allLoaded = (pool: Piscina) =>
    new Promise<void>((resolve) => {
      recheck = () => {
        if (pool.threads.every((thread) => loaded.has(thread.threadId))) resolve();
      };
      recheck();
    });

  let warming: Promise<unknown> = Promise.resolve();

  /**
   * One form. Its timer starts when its worker starts it — after the worker's modules are
   * evaluated, so a limit never stops a thread mid-evaluation — and Ctrl-C lets it finish
   * (only handing out new forms stops), so the manifest records every form that was built.
   */
  async function runOne(job: BuildJob, settings: BuildSettings): Promise<BuildJobResult> {
    const timeout = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    started.set(job.file, () => (timer = setTimeout(() => timeout.abort(), limits.timeoutMs)));
    try {
      const result = await piscina().run({ job, settings }, { signal: timeout.signal });
      if (!result) throw new Error('工作线程没有返回结果');
      return result;
    } catch (error) {
      if (timeout.signal.aborted) {
        return failure(job, 'E_FORM_TIMEOUT', `生成此表单超过 ${seconds} 秒，已中止`, `如确需更久，设置环境变量 ZIPING_FORM_TIMEOUT_S（秒，当前 ${seconds}）`);
      }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return failure(job, 'E_FORM_MEMORY', `生成此表单所需内存超过 ${limits.memoryMb} MB，已中止`, `如确需更多，设置环境变量 ZIPING_FORM_MEMORY_MB（当前 ${limits.memoryMb}）`);
      }
      return failure(job, 'E_INTERNAL', `生成时内部出错：${(error as Error)?.message ?? String(error)}`);
    } finally {
      clearTimeout(timer);
      started.delete(job.file);
    }
  }

  return {
    async run(jobs, settings, { onResult, signal }) {
      // One form per thread at a time, so a form's time limit counts its own work, not its wait in a queue.
      let next = 0;
      const lane = async () => {
        while (next < jobs.length && !signal?.aborted) {
          await onResult(await runOne(jobs[next++], settings));
        }
      };
      await Promise.all(Array.from({ length: Math.min(Math.max(1, threads), jobs.length) }, lane));
    },
    start: () => void piscina(),
    async warm(settings) {
      // A worker that cannot warm up will fail the first form instead, saying why.
      await (warming = piscina().run({ warm: settings }).catch(() => null));
    },
    async close() {
      if (!created) return;
      await warming;
      // A worker still loading (started early, or replacing one stopped by a limit) is let
      // finish: terminating it mid-evaluation would abort this process.
      await allLoaded(created);
      await created.destroy();
    },
  };
}
