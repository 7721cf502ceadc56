import { rm } from 'node:fs/promises';
import { checkForms, type FormReport } from './check-forms.js';
import { createFormRenderer, type FormRendererOptions } from './form-renderer.js';
import { outputBase } from './output-path.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface BuildOptions extends FormRendererOptions {
  outDir: string;
}

export interface BuiltForm extends FormReport {
  outputs: string[];
  /** Outputs of an earlier build removed because this form now fails. */
  removed: string[];
}

/**
 * load → score → layout → render → write, form by form. A form's outputs are all rendered
 * before any is written, and each is written atomically, so a failed form leaves no file.
 */
export async function buildForms(paths: string[], options: BuildOptions): Promise<BuiltForm[]> {
  const reports = await checkForms(paths);
  const renderer = createFormRenderer(options);
  const built: BuiltForm[] = [];
  for (let report of reports) {
    const base = outputBase(report.file, paths, options.outDir);
    const targets = options.formats.map((format) => `${base}.${format}`);
    if (report.ok && report.loaded && report.printed) {
      const rendered = await renderer.render(report.loaded, report.printed);
      if (rendered.ok) {
        for (const output of rendered.outputs) await writeFileAtomic(`${base}.${output.format}`, output.bytes);
        built.push({ ...report, outputs: targets, removed: [] });
        continue;
      }
      report = { ...report, ok: false, errors: [...report.errors, ...rendered.diagnostics], printed: undefined };
    }
    // A stale PDF beside corrected-but-broken data would be mistaken for the current form.
    const removed: string[] = [];
    for (const target of targets) {
      const existed = await rm(target).then(
        () => true,
        () => false,
      );
      if (existed) removed.push(target);
    }
    built.push({ ...report, outputs: [], removed });
  }
  return built;
}
