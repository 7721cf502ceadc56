import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startFormPool } from '../../build/run-jobs.js';
import { parseJobs } from '../parse-jobs.js';
import { shardOrUsage } from '../shard-or-usage.js';

/** The options of `ziping build` (command-specs.ts), as commander names them. */
export interface BuildValues {
  out?: string;
  format?: string;
  docxFonts?: string;
  fonts?: string;
  templates?: string;
  jobs?: string;
  force?: boolean;
  prune?: boolean;
  shard?: string;
  shardCount?: string;
  mergeManifests?: boolean;
  watch?: boolean;
  pdfa?: boolean;
  json?: boolean;
  verbose?: boolean;
}

/**
 * `ziping build`. When forms will surely be built, the first worker starts before the rest of
 * the build's code is even loaded, and loads its own while this thread reads settings and plans
 * (every form builds in a worker; see startFormPool).
 */
export async function run(values: BuildValues, positionals: string[]): Promise<number> {
  if (values.mergeManifests) {
    const { mergeShardManifests } = await import('../merge-shard-manifests.js');
    return mergeShardManifests(values);
  }
  // Checked before any worker starts: a pod with a bad --shard auto environment fails at once.
  shardOrUsage(values.shard, values.shardCount);
  // Forms will surely be built (forced, or no manifest where out/ usually is): start a worker now.
  const surely = values.force === true || !existsSync(join(values.out ?? 'out', '.ziping-manifest.json'));
  const pool = startFormPool(parseJobs(values.jobs), { now: surely });
  try {
    const { buildWithPool } = await import('../build-with-pool.js');
    return await buildWithPool(values, positionals, pool);
  } finally {
    await pool.close();
  }
}
