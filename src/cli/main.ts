import { UsageError } from './usage-error.js';

type Command = (args: string[]) => Promise<number>;
interface CommandModule {
  run: Command;
  usage: string;
}

/** Each command is imported only when it runs, so `ziping check` never loads pdfmake or the signer. */
const commands: Record<string, () => Promise<CommandModule>> = {
  build: async () => {
    const m = await import('./commands/build.js');
    return { run: m.buildCommand, usage: m.buildUsage };
  },
  check: async () => {
    const m = await import('./commands/check.js');
    return { run: m.checkCommand, usage: m.checkUsage };
  },
  import: async () => {
    const m = await import('./commands/import.js');
    return { run: m.importCommand, usage: m.importUsage };
  },
  diff: async () => {
    const m = await import('./commands/diff.js');
    return { run: m.diffCommand, usage: m.diffUsage };
  },
  pack: async () => {
    const m = await import('./commands/pack.js');
    return { run: m.packCommand, usage: m.packUsage };
  },
  sign: async () => {
    const m = await import('./commands/sign.js');
    return { run: m.signCommand, usage: m.signUsage };
  },
  verify: async () => {
    const m = await import('./commands/verify.js');
    return { run: m.verifyCommand, usage: m.verifyUsage };
  },
};

async function usage(): Promise<string> {
  const modules = await Promise.all(Object.values(commands).map((load) => load()));
  return ['用法 / usage:', ...modules.map((c) => `  ${c.usage}`), '退出码：0 全部通过（可有警告），1 有表单出错，2 用法错误（diff：0 相同，1 有差异，2 出错）'].join('\n');
}

/** The `ziping` command line. Returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`未知命令：${name}\n${await usage()}\n`);
    return 2;
  }
  const command = await load();
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
