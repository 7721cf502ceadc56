import { parentPort, threadId } from 'node:worker_threads';
import type { BuildJob, BuildJobResult, BuildSettings } from './build-job.js';
import { runBuildJob, warmBuildRenderer } from './run-build-job.js';
import { FORM_STARTED, WORKER_LOADED } from './worker-loaded.js';

/** A form to build, or the settings to load fonts and renderers for ahead of the first form. */
export type BuildWorkerTask = { job: BuildJob; settings: BuildSettings } | { warm: BuildSettings };

/** piscina worker entry: each worker thread keeps its own fonts and templates loaded. */
export default async function buildWorker(task: BuildWorkerTask): Promise<BuildJobResult | null> {
  if ('warm' in task) {
    await warmBuildRenderer(task.warm);
    return null;
  }
  parentPort?.postMessage({ [FORM_STARTED]: task.job.file });
  return runBuildJob(task.job, task.settings);
}

// Every import above is static, both renderers included (through run-build-job), so by now all
// of the worker's modules are evaluated. A worker stopped while V8 is still evaluating modules
// aborts the whole process (nodejs/node#43182 and kin): startFormPool stops none before this.
parentPort?.postMessage({ [WORKER_LOADED]: threadId });
