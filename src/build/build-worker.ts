import type { BuildJob, BuildJobResult, BuildSettings } from './build-job.js';
import { runBuildJob, warmBuildRenderer } from './run-build-job.js';

/** A form to build, or the settings to load fonts and renderers for ahead of the first form. */
export type BuildWorkerTask = { job: BuildJob; settings: BuildSettings } | { warm: BuildSettings };

/** piscina worker entry: each worker thread keeps its own fonts and templates loaded. */
export default async function buildWorker(task: BuildWorkerTask): Promise<BuildJobResult | null> {
  if ('warm' in task) {
    await warmBuildRenderer(task.warm);
    return null;
  }
  return runBuildJob(task.job, task.settings);
}
