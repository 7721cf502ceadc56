import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../build/write-file-atomic.js';
import { findSchemaFile, SCHEMA_FILE_NAME } from '../../import/find-schema-file.js';
import { importExports } from '../../import/index.js';
import { formJsonSchemaText } from '../../load/form-json-schema.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

export async function run(values: { out?: string; force?: boolean; json?: boolean }, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('请给出要导入的导出文件');
  const outDir = values.out ?? 'data';
  // Every YAML names a schema that exists, so an editor checks it wherever the folder is copied:
  // the project's own when there is one, else one written beside the forms.
  const found = findSchemaFile(resolve(outDir));
  const schemaPath = found ?? join(outDir, SCHEMA_FILE_NAME);
  const result = await importExports(positionals, { outDir, force: values.force ?? false, schemaPath });
  const writeSchema = result.written.length > 0 && !found && !existsSync(schemaPath);
  if (writeSchema) await writeFileAtomic(schemaPath, formJsonSchemaText());
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    output.json({ ...result, schema: { file: schemaPath, written: writeSchema } });
  } else {
    output.result(result.written.map((file) => `✓ ${file}`).join('\n'));
    if (writeSchema) output.result(`✓ ${schemaPath}（表单的 JSON Schema：YAML 第一行引用它，编辑器据此补全和检查）`);
    output.diagnostic(result.diagnostics.map(formatDiagnostic).join('\n'));
    output.result(`写出 ${result.written.length} 个 YAML，未改动 ${result.skipped.length} 个${failed ? '，有错误' : ''}`);
  }
  return failed ? 1 : 0;
}
