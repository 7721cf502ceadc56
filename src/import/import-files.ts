import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FormSchema } from '../load/form-schema.js';
import { checkExportTotals } from './check-export-totals.js';
import type { ExportDiagnostic, ExportedForm } from './exported-form.js';
import { exportToYaml } from './export-to-yaml.js';
import { formFileName } from './form-file-name.js';
import { parseExportLines } from './parse-export.js';
import { fileError, readImportSource } from './read-import-source.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface ImportOptions {
  /** Folder for the YAML files; created when missing. */
  outDir: string;
  /** Overwrite YAML files that exist with other content. */
  force: boolean;
  /** form.schema.json, for the yaml-language-server line (written relative to outDir). */
  schemaPath?: string;
}

export interface ImportResult {
  /** YAML files written (outDir joined with the file name). */
  written: string[];
  /** YAML files left as they were: identical already, or different and no `force` (then with an E_EXISTS error). */
  skipped: string[];
  diagnostics: Diagnostic[];
}

/**
 * `ziping import`: each export file → one YAML file per form in `outDir`. A form that fails to
 * parse gets no file; the others are still written. Files are written atomically and never
 * outside `outDir`.
 */
export async function importExports(files: string[], options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { written: [], skipped: [], diagnostics: [] };
  const outDir = path.resolve(options.outDir);
  const schema = options.schemaPath === undefined ? undefined : toPosix(path.relative(outDir, path.resolve(options.schemaPath)));
  /** Targets of this run, so two forms with one code and name do not overwrite each other. */
  const taken = new Map<string, string>();
  let madeOutDir = false;

  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      result.diagnostics.push(fileError(file, 'E_READ', `无法读取文件：${(error as Error).message}`));
      continue;
    }
    const input = await readImportSource(file, bytes);
    result.diagnostics.push(...input.diagnostics);
    for (const part of input.parts) {
      const located = part.locate;
      const parsed = parseExportLines(part.lines, { allowEntry: part.allowEntry });
      result.diagnostics.push(...parsed.diagnostics.map(located));

      for (const form of parsed.forms) {
        const yaml = exportToYaml(form, { source: part.source, schema });
        const invalid = checkAgainstSchema(form, yaml);
        if (invalid) {
          result.diagnostics.push(located(invalid));
          continue;
        }
        const name = formFileName(form.header.code.trim(), form.header.name.trim());
        // A form filled in by hand prints no totals to check it against.
        const incomplete = form.entry ? [] : checkExportTotals(form, name, yaml);
        if (incomplete.length > 0) {
          result.diagnostics.push(...incomplete.map(located));
          continue;
        }
        const target = path.resolve(outDir, name);
        const shown = path.join(options.outDir, name);
        if (path.dirname(target) !== outDir) {
          result.diagnostics.push(located(formError(form, 'E_UNSAFE_NAME', `由项目编码和名称得到的文件名“${name}”不在输出目录内`)));
          continue;
        }
        const earlier = taken.get(target);
        if (earlier) {
          result.diagnostics.push(located(formError(form, 'E_DUPLICATE_FORM', `与 ${earlier} 的表同名（${name}），此表未写出`)));
          continue;
        }
        taken.set(target, `${part.source} 第 ${form.line} 行`);
        if (!madeOutDir) {
          try {
            await mkdir(outDir, { recursive: true });
          } catch (error) {
            result.diagnostics.push(fileError(options.outDir, 'E_WRITE', `无法创建输出目录：${(error as Error).message}`));
            return result;
          }
          madeOutDir = true;
        }
        const existing = await readFile(target, 'utf8').catch(() => undefined);
        if (existing === yaml) {
          result.skipped.push(shown);
          continue;
        }
        try {
          // A file that appears between the read and the write is caught by writeFileAtomic.
          if ((existing === undefined || options.force) && (await writeFileAtomic(target, yaml, options.force))) {
            result.written.push(shown);
            continue;
          }
        } catch (error) {
          result.diagnostics.push(located(formError(form, 'E_WRITE', `无法写入 ${shown}：${(error as Error).message}`)));
          continue;
        }
        result.skipped.push(shown);
        result.diagnostics.push({
          ...located(formError(form, 'E_EXISTS', `${shown} 已存在且内容不同，未覆盖`)),
          hint: '加 --force 覆盖已有文件',
        });
      }
    }
  }
  return result;
}

/** Belt and braces: the YAML must pass the same schema `ziping build` applies. */
function checkAgainstSchema(form: ExportedForm, yaml: string): ExportDiagnostic | undefined {
  const parsed = FormSchema.safeParse(YAML.parse(yaml, { schema: 'failsafe' }));
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue.path.join('.');
  return formError(form, 'E_EXPORT_INVALID', `导入后的数据不符合表格格式：${where ? `${where} ` : ''}${issue.message}`, where);
}

function formError(form: ExportedForm, code: string, message: string, where = ''): ExportDiagnostic {
  return { code, severity: 'error', message, line: form.line, col: 1, path: where };
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
