import { buildCommand, buildUsage } from './commands/build.js';
import { checkCommand, checkUsage } from './commands/check.js';
import { diffCommand, diffUsage } from './commands/diff.js';
import { signCommand, signUsage } from './commands/sign.js';
import { verifyCommand, verifyUsage } from './commands/verify.js';
import { importCommand, importUsage } from './commands/import.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  build: { run: buildCommand, usage: buildUsage },
  check: { run: checkCommand, usage: checkUsage },
  import: { run: importCommand, usage: importUsage },
  diff: { run: diffCommand, usage: diffUsage },
  sign: { run: signCommand, usage: signUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
};

function usage(): string {
  return ['用法 / usage:', ...Object.values(commands).map((c) => `  ${c.usage}`), '退出码：0 全部通过（可有警告），1 有表单出错，2 用法错误（diff：0 相同，1 有差异，2 出错）'].join('\n');
}

/** The `ziping` command line. Returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`未知命令：${name}\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n  ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`内部错误（internal error）：${(error as Error).message}\n`);
    if (process.env.ZIPING_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}
