import { importExports } from '../../import/index.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

export async function run(values: { out?: string; force?: boolean; json?: boolean }, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('请给出要导入的导出文件');
  const result = await importExports(positionals, { outDir: values.out ?? 'data', force: values.force ?? false });
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    output.json(result);
  } else {
    output.result(result.written.map((file) => `✓ ${file}`).join('\n'));
    output.diagnostic(result.diagnostics.map(formatDiagnostic).join('\n'));
    output.result(`写出 ${result.written.length} 个 YAML，未改动 ${result.skipped.length} 个${failed ? '，有错误' : ''}`);
  }
  return failed ? 1 : 0;
}
