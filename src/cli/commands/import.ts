import { importExports } from '../../import/index.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { parseCommandLine } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    out: { type: 'string', default: 'data' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('请给出要导入的导出文件');
  const result = await importExports(positionals, { outDir: values.out!, force: values.force ?? false });
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = [
      ...result.written.map((file) => `✓ ${file}`),
      ...result.diagnostics.map(formatDiagnostic),
      `写出 ${result.written.length} 个 YAML，未改动 ${result.skipped.length} 个${failed ? '，有错误' : ''}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? 1 : 0;
}
