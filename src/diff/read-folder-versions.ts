import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadForms } from '../load/index.js';
import { builtInFormats, type FormatRegistry } from '../load/format/format-registry.js';
import type { FormVersion } from './form-version.js';
import { versionFromLoad } from './version-from-load.js';

/**
 * The forms under `paths` in the working tree, each keyed by its path relative to `root`
 * (the compared folder, or the repository for `--git`). A file the loader rejected, a
 * duplicate 项目编码 included, is a version with its errors.
 */
export async function readFolderVersions(paths: readonly string[], root: string, formats: FormatRegistry = builtInFormats()): Promise<FormVersion[]> {
  const { forms, diagnostics } = await loadForms(paths, formats);
  const keyOf = (file: string) => path.relative(path.resolve(root), path.resolve(file)).split(path.sep).join('/');
  const errors = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    errors.set(diagnostic.file, [...(errors.get(diagnostic.file) ?? []), diagnostic]);
  }
  const loaded = forms
    .filter((form) => !errors.has(form.file))
    .map((form) => versionFromLoad(form.file, keyOf(form.file), { ok: true, form, diagnostics: [] }));
  const failed = [...errors].map(([file, fileErrors]): FormVersion => ({ file, key: keyOf(file), diagnostics: fileErrors }));
  return [...loaded, ...failed];
}
