import { Command, CommanderError, Option } from 'commander';
import stringWidth from 'string-width';
import { TOOL_VERSION } from '../build/tool-version.js';
import { COMMANDS, type CommandSpec } from './command-specs.js';
import { configureOutput, type ColorChoice } from './output.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

export const EXIT_CODES = '退出码：0 全部通过（可有警告），1 有表单出错，2 用法错误（diff：0 相同，1 有差异，2 出错）';

/**
 * commander's messages are English; ours are Chinese. Its wording is matched here (commander is
 * pinned to a major version, and test/cli-conventions.test.ts runs every kind of message).
 */
export function chineseUsageMessage(message: string): string {
  const suggestion = (text: string) =>
    text.replace(/\s*\(Did you mean (?:one of )?(.+)\?\)\s*$/s, (_m, names: string) => `（是否应为 ${names.split(', ').join(' 或 ')}？）`);
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [/^error: unknown option '(.+?)'(.*)$/s, (flag, rest) => `未知选项 ${flag}${suggestion(rest)}`],
    [/^error: unknown command '(.+?)'(.*)$/s, (name, rest) => `未知命令 ${name}${suggestion(rest)}`],
    [/^error: option '(.+?)' argument missing$/s, (flags) => `选项 ${flags} 需要一个值`],
    [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/s, (flags, value, choices) => `选项 ${flags} 只能是 ${choices.split(', ').join('、')}（收到 ${value}）`],
    [/^error: missing required argument '(.+?)'$/s, (name) => `缺少参数 ${name}`],
    [/^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\.$/s, (name, expected, got) => `${name} 最多接受 ${expected} 个参数（收到 ${got} 个）`],
  ];
  const trimmed = message.trim();
  for (const [pattern, say] of rules) {
    const match = pattern.exec(trimmed);
    if (match) return say(...match.slice(1));
  }
  return trimmed.replace(/^error: /, '');
}

const HELP = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  // Terminal columns: CJK takes two (commander counts characters), so columns line up.
  displayWidth: stringWidth,
  // The descriptions say the choices and defaults in Chinese; commander would add `(choices: …)`.
  optionDescription: (option: Option) => option.description,
  subcommandTerm: (command: Command) => [command.name(), ...command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`))].join(' '),
  showGlobalOptions: true,
  sortSubcommands: false,
};

function addCommand(program: Command, spec: CommandSpec, ran: { run?: () => Promise<number> }): void {
  const command = program.command(spec.name).summary(spec.summary).description(spec.details ? `${spec.summary}\n\n${spec.details}` : spec.summary);
  for (const argument of spec.arguments) command.argument(argument);
  command.usage(['[选项]', ...spec.arguments].join(' '));
  for (const option of spec.options) {
    const made = new Option(option.flags, option.description);
    if (option.choices) made.choices(option.choices);
    if (option.default !== undefined) made.default(option.default);
    command.addOption(made);
  }
  command.addHelpText('after', `\n示例：\n${spec.examples.map((line) => `  ${line}`).join('\n')}\n`);
  command.helpOption('-h, --help', '显示这个命令的帮助');
  command.action((...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const args = (self.processedArgs as unknown[]).flatMap((value) => (value === undefined ? [] : value)) as string[];
    const options = self.opts();
    // The command runs after parsing is done, outside commander, so its own errors are ours to report.
    ran.run = async () => (await spec.load()).run(options, args);
  });
}

export interface ParsedCommandLine {
  /** What to run, or the exit code when commander already answered (help, version, a usage error). */
  run?: () => Promise<number>;
  exitCode?: number;
  command?: string;
}

/**
 * Parses the command line. Help and version go to stdout (exit 0); usage errors to stderr in
 * Chinese with did-you-mean (exit 2, as git, cargo and typst do).
 */
export async function parseCommandLine(argv: string[], write: { out: (text: string) => void; err: (text: string) => void }): Promise<ParsedCommandLine> {
  const ran: { run?: () => Promise<number> } = {};
  const program = new Command('ziping')
    .description('把 YAML 数据生成绩效自评表（PDF、DOCX），精确计分，嵌入中文字体')
    .version(TOOL_VERSION.replace(/^ziping /, ''), '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令的帮助')
    .option('-q, --quiet', '只写错误和警告（--json 的结果照写）')
    .addOption(new Option('--color <何时>', '彩色输出：auto（终端上，默认）、always、never；也认 NO_COLOR').choices(['auto', 'always', 'never']))
    .option('--no-color', '不用彩色（同 --color never）')
    .showSuggestionAfterError(true)
    .usage('[选项] <命令> [参数...]')
    .configureHelp(HELP)
    .addHelpText('after', `\n${EXIT_CODES}\n用 ziping help <命令> 或 ziping <命令> --help 查看每个命令的选项和示例。`)
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      outputError: (message, writeErr) => writeErr(`错误：${chineseUsageMessage(message)}\n`),
    })
    .exitOverride();
  program.hook('preAction', (root) => {
    const { quiet, color } = root.opts<{ quiet?: boolean; color?: ColorChoice | false }>();
    configureOutput({ quiet: quiet === true, color: color === false ? 'never' : (color ?? 'auto') });
  });
  for (const spec of COMMANDS) {
    addCommand(program, spec, ran);
  }
  // Subcommands share the root's output, error and exit settings.
  for (const command of program.commands) {
    command.configureOutput(program.configureOutput()).exitOverride().showSuggestionAfterError(true).configureHelp(program.configureHelp());
  }
  if (argv.length === 0) {
    write.err(`${program.helpInformation()}`);
    return { exitCode: 2 };
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and --version exit 0; every usage error exits 2 (commander would say 1).
    return { exitCode: error.exitCode === 0 ? 0 : 2 };
  }
  return { run: ran.run, command: program.args[0] };
}
