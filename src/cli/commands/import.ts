import { importExports } from '../../import/index.js';
import { writeJsonSchema } from '../../load/write-json-schema.js';
import { schemaReferenceFor } from '../schema-reference.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

export async function run(values: { out?: string; force?: boolean; json?: boolean }, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('请给出要导入的导出文件');
  const outDir = values.out ?? 'data';
  // Every YAML has a schema an editor finds (see schemaReferenceFor), written with the forms if need be.
  const { schemaPath, mustWrite } = schemaReferenceFor(outDir);
  const result = await importExports(positionals, { outDir, force: values.force ?? false, schemaPath });
  const writeSchema = result.written.length > 0 && mustWrite;
  if (writeSchema && schemaPath) await writeJsonSchema(schemaPath);
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    output.json({ ...result, schema: { file: schemaPath ?? null, written: writeSchema } });
  } else {
    output.result(result.written.map((file) => `✓ ${file}`).join('\n'));
    if (writeSchema) output.result(`✓ ${schemaPath}（表单的 JSON Schema：YAML 第一行引用它，编辑器据此补全和检查）`);
    output.diagnostic(result.diagnostics.map(formatDiagnostic).join('\n'));
    output.result(`写出 ${result.written.length} 个 YAML，未改动 ${result.skipped.length} 个${failed ? '，有错误' : ''}`);
  }
  return failed ? 1 : 0;
}
