import { rm } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readSourceFile } from '../load/read-source-file.js';
import type { BuildJob, BuildJobResult, BuildSettings } from './build-job.js';
import { buildForm } from './build-form.js';
import { formRendererFromSettings } from './form-renderer.js';
import { fileSha256 } from './build-manifest.js';
import { hashBytes } from './hash-bytes.js';
import { writeFilesTogether } from './write-file-atomic.js';

type FormRenderer = ReturnType<typeof formRendererFromSettings>;

/** One renderer per thread and settings: fonts and templates are parsed once, then reused. */
const renderers = new Map<string, FormRenderer>();

function rendererFor(settings: BuildSettings): FormRenderer {
  const key = JSON.stringify(settings);
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = formRendererFromSettings(settings);
    renderers.set(key, renderer);
  }
  return renderer;
}

/** Gets this thread's renderer ready before the first job arrives. */
export function warmBuildRenderer(settings: BuildSettings): Promise<void> {
  return rendererFor(settings).warm();
}

async function removeOutputs(job: BuildJob, settings: BuildSettings): Promise<string[]> {
  const removed: string[] = [];
  for (const format of settings.formats) {
    const target = `${job.outBase}.${format}`;
    if (await rm(target).then(() => true, () => false)) removed.push(target);
  }
  return removed;
}

/**
 * read → load → score → layout → render → write for one form, in whichever thread runs it.
 * All outputs are rendered before any is written; a form that fails leaves no output (a stale
 * one from an earlier build is removed, so out/ never shows a form that no longer builds).
 */
export async function runBuildJob(job: BuildJob, settings: BuildSettings): Promise<BuildJobResult> {
  const started = performance.now();
  const finish = async (partial: Omit<BuildJobResult, 'file' | 'ms' | 'removed' | 'outputs'> & Partial<BuildJobResult>): Promise<BuildJobResult> => ({
    file: job.file,
    outputs: [],
    removed: partial.ok ? [] : await removeOutputs(job, settings),
    ...partial,
    ms: performance.now() - started,
  });
  const read = await readSourceFile(job.file);
  if (!read.ok) return finish({ ok: false, sourceHash: '', diagnostics: read.diagnostics });
  const sourceHash = hashBytes(read.bytes);
  const built = await buildForm(job.file, read.bytes, rendererFor(settings));
  if (!built.ok) return finish({ ok: false, sourceHash, diagnostics: built.diagnostics, ...(built.summary ? { summary: built.summary } : {}) });
  const { diagnostics, summary } = built;
  const files = built.outputs.map((output) => ({ path: `${job.outBase}.${output.format}`, bytes: output.bytes }));
  try {
    await writeFilesTogether(files);
  } catch (error) {
    // Disk full, no permission, a file-size limit: none of the new files is in place, and the
    // old ones no longer match the data, so they go as for any form that fails.
    const message = `无法写入 ${files.map((file) => file.path).join('、')}：${(error as Error).message}`;
    return finish({ ok: false, sourceHash, diagnostics: [...diagnostics, { code: 'E_WRITE', severity: 'error', message, file: job.file, line: 1, col: 1, path: '' }], summary });
  }
  const outputs = files.map(({ path, bytes }) => ({ file: path, sha256: fileSha256(bytes), size: bytes.length }));
  return finish({ ok: true, sourceHash, diagnostics, summary, printed: built.printed, outputs, ...(built.template ? { template: built.template } : {}) });
}
