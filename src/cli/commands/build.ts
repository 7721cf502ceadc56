import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startFormPool } from '../../build/run-jobs.js';
import { parseJobs } from '../parse-jobs.js';
import { parseCommandLine } from '../parse-command-line.js';

export const BUILD_OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  'docx-fonts': { type: 'string' },
  fonts: { type: 'string' },
  templates: { type: 'string' },
  jobs: { type: 'string' },
  force: { type: 'boolean' },
  prune: { type: 'boolean' },
  shard: { type: 'string' },
  'merge-manifests': { type: 'boolean' },
  watch: { type: 'boolean' },
  pdfa: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

export type BuildValues = ReturnType<typeof parseCommandLine<typeof BUILD_OPTIONS>>['values'];

/**
 * `ziping build`. When forms will surely be built, the first worker starts before the rest of
 * the build's code is even loaded, and loads its own while this thread reads settings and plans
 * (every form builds in a worker; see startFormPool).
 */
export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, BUILD_OPTIONS);
  if (values['merge-manifests']) {
    const { mergeManifests } = await import('../../build/merge-manifests.js');
    const { projectConfigOrUsage } = await import('../build-settings.js');
    const merged = await mergeManifests(values.out ?? projectConfigOrUsage().out ?? 'out');
    process.stdout.write(`已合并 ${merged.parts.length} 个分片清单（${merged.entries} 个表单）→ ${merged.file}\n`);
    return 0;
  }
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
