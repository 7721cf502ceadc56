import { buildForms, type BuildOptions } from '../build/build-forms.js';
import { BUILT_IN_TEMPLATES } from '../build/load-template-sources.js';
import type { FormPool } from '../build/run-jobs.js';
import { fontConfigFile, formatFolders, inputPaths, outputFolder, templateRoots, templatesFolder } from '../build/project/project-settings.js';
import { sourceDate } from '../build/source-date.js';
import { buildOutcomeJson, buildOutcomeText } from './build-report.js';
import { currentProject, fontSetOrUsage, parseFormats } from './build-settings.js';
import { shardOrUsage } from './shard-or-usage.js';
import { parseJobs } from './parse-jobs.js';
import { createBuildProgress } from './build-progress.js';
import type { BuildValues } from './commands/build.js';
import { requireExistingPaths } from './existing-paths.js';
import { UsageError } from './usage-error.js';
import * as output from './output.js';

/** The build command once its workers are starting: settings, one build, then --watch if asked. */
export async function buildWithPool(values: BuildValues, positionals: string[], pool: FormPool): Promise<number> {
  const project = currentProject();
  const { config } = project;
  const outDir = outputFolder(project, values.out);
  const docxFonts = values.docxFonts ?? config.docxFonts;
  if (docxFonts !== undefined && docxFonts !== 'embed' && docxFonts !== 'system') {
    throw new UsageError(`--docx-fonts 只能是 embed 或 system（收到 ${docxFonts}）`);
  }
  const shard = shardOrUsage(values.shard, values.shardCount);
  const fontConfig = fontConfigFile(project, values.fonts);
  const fonts = fontSetOrUsage(fontConfig);
  const date = sourceDate();
  const controller = new AbortController();
  const options: BuildOptions = {
    outDir,
    formats: parseFormats(values.format ?? config.format ?? 'pdf,docx'),
    docxFonts: docxFonts ?? fonts.docxFonts,
    fontConfig,
    templatesDir: templatesFolder(project, values.templates) ?? BUILT_IN_TEMPLATES,
    formatFolders: formatFolders(project),
    templateRoots: templateRoots(project),
    date: date.getTime(),
    pdfa: values.pdfa ?? config.pdfa ?? false,
    fixedDate: process.env.SOURCE_DATE_EPOCH !== undefined,
    threads: parseJobs(values.jobs),
    pool,
    force: values.force ?? false,
    prune: values.prune ?? false,
    shard,
    signal: controller.signal,
  };
  const paths = inputPaths(project, positionals);
  requireExistingPaths(paths);
  // Ctrl-C: stop handing out forms, let those in flight finish, keep the manifest valid.
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const exitCode = await buildOnce(paths, options, values.json ?? false, values.verbose ?? false);
    if (!values.watch) return controller.signal.aborted ? 130 : exitCode;
    const { watchForms } = await import('./watch-forms.js');
    return await watchForms(paths, { ...options, signal: undefined }, { signal: controller.signal, write: (text) => output.result(text), writeDiagnostic: (text) => output.diagnostic(text) });
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function buildOnce(paths: string[], options: BuildOptions, json: boolean, verbose: boolean): Promise<number> {
  const progress = createBuildProgress();
  const started = performance.now();
  const outcome = await buildForms(paths, { ...options, onProgress: (p) => progress.update(p) });
  progress.stop();
  const wall = performance.now() - started;
  if (json) {
    output.json(buildOutcomeJson(outcome, wall));
  } else {
    const report = buildOutcomeText(outcome, wall, verbose);
    output.diagnostic(report.diagnostics);
    output.result(report.results);
  }
  const total = outcome.results.length + outcome.unchanged.length;
  if (total === 0) output.diagnostic('警告：没有找到 *.yaml 表单文件');
  return outcome.results.some((r) => !r.ok) ? 1 : 0;
}
