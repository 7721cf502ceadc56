import { watch } from 'chokidar';
import { formatDiagnostic } from './format-diagnostic.js';
import { buildForms, buildSettings, type BuildOptions } from '../build/build-forms.js';
import { startFormPool } from '../build/run-jobs.js';
import { manifestFile, manifestKey, readManifest } from '../build/build-manifest.js';
import { printedChanges } from '../build/printed-changes.js';
import { TOOL_VERSION } from '../build/tool-version.js';

/** Saves that land within this window are built together. */
const SETTLE_MS = 80;

/**
 * `build --watch`: after the first build, rebuilds each form within a second of it being
 * saved and prints which printed values changed — the loop a finance officer lives in while
 * correcting data. Ends on the signal (Ctrl-C).
 */
export async function watchForms(paths: string[], options: BuildOptions, io: { signal: AbortSignal; write: (text: string) => void; writeDiagnostic: (text: string) => void }): Promise<number> {
  const watcher = watch(paths, { ignoreInitial: true, ignored: (path, stats) => Boolean(stats?.isFile() && !/\.ya?ml$/.test(path)) });
  // Only once chokidar has its watches in place is a save seen: saying 正在监视 earlier lost a
  // save made right after it (the watch test failed about 1 run in 8 on a busy machine).
  // The build's workers (or one of its own), kept warm for every rebuild.
  const pool = options.pool ?? startFormPool(1);
  await Promise.all([pool.warm(buildSettings(options)), new Promise<void>((resolve) => watcher.once('ready', () => resolve()))]);
  io.write(`正在监视 ${paths.join('、')}，保存文件后自动重建（Ctrl-C 退出）\n`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // Each form's printed values at its last good build: a form that failed and is fixed again
  // is compared with what it printed before it broke, not with nothing.
  const lastGood = new Map(Object.entries(readManifest(manifestFile(options.outDir, options.shard), TOOL_VERSION).entries).map(([key, entry]) => [key, entry.printed]));
  const rebuild = () => {
    running = running.then(async () => {
      const started = performance.now();
      const outcome = await buildForms(paths, { ...options, threads: 1, pool });
      const ms = Math.round(performance.now() - started);
      for (const result of outcome.results) {
        const key = manifestKey(result.file);
        if (result.ok && result.printed) {
          const before = lastGood.get(key);
          const changes = printedChanges(before, result.printed);
          const said = !before ? '（首次生成）' : changes.length ? `：\n    ${changes.join('\n    ')}` : '，打印值未变';
          io.write(`✓ ${result.file} 已重建（${ms} 毫秒）${said}\n`);
          lastGood.set(key, result.printed);
        } else {
          io.writeDiagnostic(`✗ ${result.file}（未生成文件）\n`);
        }
        if (result.diagnostics.length > 0) io.writeDiagnostic(`${result.diagnostics.map(formatDiagnostic).join('\n')}\n`);
        for (const file of result.removed) io.write(`  已删除过期的输出：${file}\n`);
      }
      for (const orphan of outcome.orphans) io.write(`  源文件已删除：${orphan.source}\n`);
    }).catch((error: unknown) => {
      // A rebuild that cannot run (another build holds out/) is said; watching goes on.
      io.writeDiagnostic(`✗ 未能重建：${(error as Error).message}\n`);
    });
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, SETTLE_MS);
  });
  await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
  clearTimeout(timer);
  await running;
  await watcher.close();
  if (!options.pool) await pool.close();
  return 0;
}
