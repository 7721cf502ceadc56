import { fileURLToPath } from 'node:url';
import { OutputLockedError } from '../build/output-lock.js';
import { realpathOrSelf } from '../build/resolved-paths.js';
import { sourceDateProblem } from '../build/source-date.js';
import { sanitizeStdout } from './terminal-text.js';
import { UsageError } from './usage-error.js';
import { type CommandName, commandUsage } from './command-usage.js';

type Command = (args: string[]) => Promise<number>;

/** Each command is imported only when it runs, so `ziping check` never loads pdfmake or the signer. */
const commands: Record<CommandName, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).buildCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  pack: async () => (await import('./commands/pack.js')).packCommand,
  sign: async () => (await import('./commands/sign.js')).signCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
};

function usage(): string {
  return ['用法 / usage:', ...Object.values(commandUsage).map((line) => `  ${line}`), '退出码：0 全部通过（可有警告），1 有表单出错，2 用法错误（diff：0 相同，1 有差异，2 出错）'].join('\n');
}

/** The `ziping` command line. Returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  sanitizeStdout();
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? (name as CommandName) : undefined;
  if (!command) {
    process.stderr.write(`未知命令：${name}\n${usage()}\n`);
    return 2;
  }
  // Checked before any command touches a file (a bad value once made build remove outputs).
  const badDate = sourceDateProblem();
  if (badDate) {
    process.stderr.write(`错误：${badDate} [E_SOURCE_DATE_EPOCH]\n`);
    return 2;
  }
  const run = await commands[command]();
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n  ${commandUsage[command]}\n`);
      return 2;
    }
    if (error instanceof OutputLockedError) {
      process.stderr.write(`错误：${error.message}\n`);
      return 2;
    }
    process.stderr.write(`内部错误（internal error）：${(error as Error).message}\n`);
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
