import type { BuildOutcome } from '../build/build-forms.js';
import type { FormReport } from '../build/check-forms.js';
import { manifestKey, type ManifestOutput } from '../build/build-manifest.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { countUnmetIndicators } from './count-unmet-indicators.js';
import type { FormatRegistry } from '../load/format/format-registry.js';
import { packFormatOf, type PackForm } from './pack-form.js';

export interface CollectedForms {
  forms: PackForm[];
  /** Forms left out of every pack, with the errors why. */
  failed: { file: string; department: string | null; errors: Diagnostic[] }[];
}

/**
 * Joins load + score (the values `check --json` prints) with the build's PDFs: a form goes
 * into a pack only when it checks clean and its PDF was built (now or unchanged before).
 */
export function collectPackForms(reports: FormReport[], build: BuildOutcome, formats: FormatRegistry): CollectedForms {
  const built = new Map<string, { ok: boolean; outputs: ManifestOutput[]; errors: Diagnostic[] }>();
  for (const entry of build.unchanged) built.set(manifestKey(entry.source), { ok: true, outputs: entry.outputs, errors: [] });
  for (const result of build.results) {
    built.set(manifestKey(result.file), { ok: result.ok, outputs: result.outputs, errors: result.diagnostics.filter((d) => d.severity === 'error') });
  }
  const collected: CollectedForms = { forms: [], failed: [] };
  for (const report of reports) {
    const department = report.loaded?.form.project.department ?? null;
    if (!report.ok || !report.loaded || !report.printed) {
      collected.failed.push({ file: report.file, department, errors: report.errors });
      continue;
    }
    const build = built.get(manifestKey(report.file));
    const pdf = build?.ok ? build.outputs.find((output) => output.file.endsWith('.pdf')) : undefined;
    if (!build || !pdf) {
      const errors = build?.errors.length
        ? build.errors
        : [{ code: 'E_PACK_NOT_BUILT', severity: 'error' as const, message: '该表单的 PDF 未生成，未编入汇编', file: report.file, line: 1, col: 1, path: '' }];
      collected.failed.push({ file: report.file, department, errors });
      continue;
    }
    const { form } = report.loaded;
    collected.forms.push({
      file: report.file,
      form: form.form,
      format: packFormatOf(formats, form.form),
      code: form.project.code,
      name: form.project.name,
      department: form.project.department,
      year: Number(form.year),
      printed: report.printed,
      warnings: report.warnings.length,
      unmet: countUnmetIndicators(form),
      pdf: { file: pdf.file, sha256: pdf.sha256 },
    });
  }
  return collected;
}
