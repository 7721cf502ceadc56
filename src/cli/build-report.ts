import type { BuildJobResult } from '../build/build-job.js';
import type { BuildOutcome } from '../build/build-forms.js';
import { formatDiagnostic } from './format-diagnostic.js';
import { diagnosticJson, printedJson } from './report-json.js';

function resultJson(result: BuildJobResult) {
  return {
    file: result.file,
    ok: result.ok,
    status: result.ok ? 'built' : 'failed',
    errors: result.diagnostics.filter((d) => d.severity === 'error').map(diagnosticJson),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').map(diagnosticJson),
    form: result.summary?.form ?? null,
    project: result.summary ? { code: result.summary.code, name: result.summary.name } : null,
    printed: result.ok && result.printed ? printedJson(result.printed) : null,
    outputs: result.outputs.map((o) => o.file),
    ms: Math.round(result.ms * 10) / 10,
  };
}

/** `build --json`: DESIGN §8's `forms` (built, failed and unchanged) plus a summary. */
export function buildOutcomeJson(outcome: BuildOutcome, wallMs: number): object {
  const unchanged = outcome.unchanged.map((entry) => ({
    file: entry.source,
    ok: true,
    status: 'unchanged',
    errors: [],
    warnings: [],
    form: entry.form,
    project: { code: entry.code, name: entry.name },
    printed: printedJson(entry.printed),
    outputs: entry.outputs.map((o) => o.file),
  }));
  const forms = [...outcome.results.map(resultJson), ...unchanged].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { forms, summary: buildSummary(outcome, wallMs), orphans: outcome.orphans.map((o) => o.source), pruned: outcome.pruned, notPruned: outcome.notPruned };
}

export function buildSummary(outcome: BuildOutcome, wallMs: number) {
  const failed = outcome.results.filter((r) => !r.ok).length;
  return {
    built: outcome.results.length - failed,
    unchanged: outcome.unchanged.length,
    failed,
    warnings: outcome.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0) + outcome.unchanged.reduce((n, e) => n + e.warnings, 0),
    orphans: outcome.orphans.length,
    wallSeconds: Math.round(wallMs) / 1000,
    /** Peak resident memory of this process, worker threads included (getrusage maxrss). */
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    interrupted: outcome.interrupted,
  };
}

/**
 * The human report, split as git and cargo split theirs: results on stdout (✓ per form built,
 * unless there are many; orphans; the summary), diagnostics on stderr (✗ per failed form, then
 * every error and warning, each carrying its file).
 */
export function buildOutcomeText(outcome: BuildOutcome, wallMs: number, verbose: boolean): { results: string; diagnostics: string } {
  const results: string[] = [];
  const diagnostics: string[] = [];
  for (const result of outcome.results) {
    if (!result.ok) diagnostics.push(`✗ ${result.file}（未生成文件）`);
    else if (verbose || outcome.results.length <= 50) results.push(`✓ ${result.file} → ${result.outputs.map((o) => o.file).join('、')}`);
    diagnostics.push(...result.diagnostics.map(formatDiagnostic));
    results.push(...result.removed.map((file) => `  已删除过期的输出：${file}`));
  }
  if (outcome.orphans.length > 0) {
    results.push(outcome.pruned.length > 0 ? '源文件已不存在，已删除其输出（--prune）：' : '以下输出的源文件已不存在（加 --prune 删除）：');
    for (const orphan of outcome.orphans) results.push(`  ${orphan.source} → ${orphan.outputs.map((o) => o.file).join('、')}`);
    for (const kept of outcome.notPruned) results.push(`  未删除 ${kept.file}：${kept.reason}`);
  }
  const s = buildSummary(outcome, wallMs);
  results.push(
    `${s.interrupted ? '已中断。' : ''}共 ${s.built + s.unchanged + s.failed} 个表单：生成 ${s.built} 个，未变 ${s.unchanged} 个，失败 ${s.failed} 个，${s.warnings} 条警告，用时 ${s.wallSeconds.toFixed(2)} 秒`,
  );
  return { results: lines(results), diagnostics: lines(diagnostics) };
}

function lines(list: string[]): string {
  return list.length > 0 ? `${list.join('\n')}\n` : '';
}
