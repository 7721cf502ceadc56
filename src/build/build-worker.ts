import type { BuildJob, BuildJobResult, BuildSettings } from './build-job.js';
import { runBuildJob } from './run-build-job.js';

/** piscina worker entry: each worker thread keeps its own fonts and templates loaded. */
export default function buildWorker(task: { job: BuildJob; settings: BuildSettings }): Promise<BuildJobResult> {
  return runBuildJob(task.job, task.settings);
}
