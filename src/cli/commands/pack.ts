import type { OutputFormat } from '../../build/form-renderer.js';
import type { ProjectConfig } from '../../build/project/project-config.js';
import { fontConfigFile, formatFolders, inputPaths, outputFolder, templateRoots, templatesFolder } from '../../build/project/project-settings.js';
import { BUILT_IN_TEMPLATES } from '../../build/load-template-sources.js';
import { sourceDate } from '../../build/source-date.js';
import { packForms, type PackBy, type PackOutcome } from '../../pack/index.js';
import { currentProject, fontSetOrUsage, parseFormats } from '../build-settings.js';
import { parseJobs } from '../parse-jobs.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';

/** `format` of ziping.config.json, so pack builds the forms as `build` does and finds them unchanged. */
function configFormats(config: ProjectConfig): OutputFormat[] | undefined {
  return config.format === undefined ? undefined : parseFormats(config.format, 'ziping.config.json 的 format');
}

/** Failed forms and incomplete packs (stderr), then the packs and summaries made (stdout). */
function outcomeText(outcome: PackOutcome, wallMs: number): { results: string; diagnostics: string } {
  const problems: string[] = [];
  const lines: string[] = [];
  for (const failure of outcome.failed) problems.push(`✗ ${failure.file}（未编入汇编）`, ...failure.errors.map(formatDiagnostic));
  for (const pack of outcome.packs) {
    const what = pack.written ? `${pack.forms} 张表单，${pack.pages} 页，${Math.round(pack.ms)} ms` : `未变化（${pack.forms} 张表单）`;
    lines.push(`${pack.written ? '✓' : '='} ${pack.file}  ${what}`);
    if (pack.missing.length > 0) problems.push(`  警告 ${pack.file} 汇编缺少 ${pack.missing.length} 张出错的表单：${pack.missing.join('、')} [W_PACK_INCOMPLETE]`);
  }
  for (const summary of outcome.summaries) {
    lines.push(`${summary.written ? '✓' : '='} ${summary.xlsx}、${summary.csv}  ${summary.year} 年汇总 ${summary.rows} 行${summary.written ? '' : '（未变化）'}`);
  }
  const written = outcome.packs.filter((p) => p.written).length;
  lines.push(`共 ${outcome.packs.length} 份汇编：${written} 份已生成，${outcome.packs.length - written} 份未变化；${outcome.failed.length} 张表单出错；用时 ${(wallMs / 1000).toFixed(1)} 秒`);
  return { results: lines.join('\n'), diagnostics: problems.join('\n') };
}

function outcomeJson(outcome: PackOutcome, wallMs: number): object {
  return {
    packs: outcome.packs.map(({ ms, ...pack }) => ({ ...pack, ms: Math.round(ms) })),
    summaries: outcome.summaries,
    failed: outcome.failed.map((failure) => ({ file: failure.file, errors: failure.errors.map(({ severity: _s, ...d }) => d) })),
    ms: Math.round(wallMs),
  };
}

interface PackValues {
  out?: string;
  by: PackBy;
  fonts?: string;
  templates?: string;
  jobs?: string;
  force?: boolean;
  pdfa?: boolean;
  json?: boolean;
}

export async function run(values: PackValues, positionals: string[]): Promise<number> {
  // The build step reads the same defaults as `ziping build`, so the forms it built are reused.
  const project = currentProject();
  const { config } = project;
  const fontConfig = fontConfigFile(project, values.fonts);
  const fonts = fontSetOrUsage(fontConfig);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const started = performance.now();
  try {
    const outcome = await packForms(inputPaths(project, positionals), {
      outDir: outputFolder(project, values.out),
      by: values.by,
      fontConfig,
      templatesDir: templatesFolder(project, values.templates) ?? BUILT_IN_TEMPLATES,
      formatFolders: formatFolders(project),
      templateRoots: templateRoots(project),
      docxFonts: config.docxFonts ?? fonts.docxFonts,
      pdfa: values.pdfa ?? config.pdfa ?? false,
      formats: configFormats(config),
      date: sourceDate(),
      fixedDate: process.env.SOURCE_DATE_EPOCH !== undefined,
      threads: parseJobs(values.jobs),
      force: values.force ?? false,
      signal: controller.signal,
    });
    const wall = performance.now() - started;
    if (values.json) {
      output.json(outcomeJson(outcome, wall));
    } else {
      const text = outcomeText(outcome, wall);
      output.diagnostic(text.diagnostics);
      output.result(text.results);
    }
    if (controller.signal.aborted) return 130;
    const total = outcome.failed.length + outcome.packs.reduce((n, p) => n + p.forms, 0);
    if (total === 0) output.diagnostic('警告：没有找到 *.yaml 表单文件');
    return outcome.failed.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
