import { parentPort, threadId } from 'node:worker_threads';
// Both renderers are evaluated as this module loads, not on a worker's first form: a worker
// stopped while V8 is still evaluating modules aborts the whole process (nodejs/node#43182
// and kin), and a form's timeout or Ctrl-C stops its worker. See startFormPool's close().
import '../render/pdf/index.js';
import '../render/docx/index.js';
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

parentPort?.postMessage({ [WORKER_LOADED]: threadId });
