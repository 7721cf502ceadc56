import { fileURLToPath } from 'node:url';
import { OutputLockedError } from '../build/output-lock.js';
import { ProjectConfigError } from '../build/project/project-config-error.js';
import { realpathOrSelf } from '../build/resolved-paths.js';
import { sourceDateProblem } from '../build/source-date.js';
import { formatDiagnostic } from './format-diagnostic.js';
import { diagnostic, guardStdout } from './output.js';
import { parseCommandLine } from './program.js';
import { UsageError } from './usage-error.js';

/** The `ziping` command line. Returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  guardStdout();
  const parsed = await parseCommandLine(argv, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  if (!parsed.run) return parsed.exitCode ?? 0;
  // Checked before any command touches a file (a bad value once made build remove outputs).
  const badDate = sourceDateProblem();
  if (badDate) {
    diagnostic(`错误：${badDate} [E_SOURCE_DATE_EPOCH]`);
    return 2;
  }
  try {
    return await parsed.run();
  } catch (error) {
    if (error instanceof UsageError) {
      diagnostic(`错误：${error.message}\n  用 ziping ${parsed.command} --help 查看用法`);
      return 2;
    }
    if (error instanceof ProjectConfigError) {
      // The config is the user's input like a form: each problem located, the command not run.
      diagnostic([`✗ ${error.diagnostics[0].file}（配置有误，未执行 ${parsed.command}）`, ...error.diagnostics.map(formatDiagnostic)].join('\n'));
      return 2;
    }
    if (error instanceof OutputLockedError) {
      diagnostic(`错误：${error.message}`);
      return 2;
    }
    diagnostic(`内部错误（internal error）：${(error as Error).message}`);
    if (process.env.ZIPING_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

/**
 * `ziping check | head`: when the reader goes away, stop without a stack trace, with the status
 * a program killed by SIGPIPE has (128 + 13), as `seq 1e6 | head -1` does under `set -o pipefail`.
 */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(141);
    });
  }
}

// `node dist/cli/main.js …` (or the bundle's main.js) run directly would define main() and exit 0
// having done nothing; say how ziping is run instead.
if (process.argv[1] !== undefined && realpathOrSelf(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write('这个文件是 ziping 的模块，不能直接运行：请用 node bin/ziping.js …、npx ziping … 或 npm start\n');
  process.exitCode = 2;
}
