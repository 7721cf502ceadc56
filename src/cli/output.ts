import pc from 'picocolors';
import { terminalText } from './terminal-text.js';

/**
 * Where a command's text goes. Results (✓ lines, summaries, --json) on stdout, so they can be
 * piped; diagnostics (errors, warnings, hints, ✗ lines) on stderr, as git and cargo do.
 * Both pass through terminalText (form text must not drive the terminal) and only then get
 * colour, so no escape sequence from a YAML string survives while ours do.
 */

export type ColorChoice = 'auto' | 'always' | 'never';

interface OutputSettings {
  quiet: boolean;
  color: ColorChoice;
}

const settings: OutputSettings = { quiet: false, color: 'auto' };

export function configureOutput(next: Partial<OutputSettings>): void {
  Object.assign(settings, next);
}

export function isQuiet(): boolean {
  return settings.quiet;
}

/**
 * --color always|never wins; then NO_COLOR (https://no-color.org: set and not empty) and
 * FORCE_COLOR; otherwise colour only on a terminal that is not TERM=dumb.
 */
export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (settings.color !== 'auto') return settings.color === 'always';
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A terminal that can draw a progress bar (moves the cursor with escape sequences). */
export function canDrawProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return !settings.quiet && stream.isTTY === true && env.TERM !== 'dumb';
}

type Colors = ReturnType<typeof pc.createColors>;

/** Colour for the markers ziping writes at the start of a line; the text after them stays plain. */
function colorLines(text: string, c: Colors): string {
  return text
    .replace(/^(\s*)(错误|内部错误（internal error）)(?=[ ：])/gm, (_m, indent: string, word: string) => indent + c.bold(c.red(word)))
    .replace(/^(\s*)(警告|注意)(?=[ ：])/gm, (_m, indent: string, word: string) => indent + c.bold(c.yellow(word)))
    .replace(/^(\s*)(提示：)/gm, (_m, indent: string, word: string) => indent + c.cyan(word))
    .replace(/^✓/gm, c.green('✓'))
    .replace(/^✗/gm, c.red('✗'))
    .replace(/\[([EW]_[A-Z0-9_]+)\]$/gm, (_m, code: string) => c.dim(`[${code}]`));
}

let rawStdoutWrite: ((text: string) => boolean) | undefined;

/** The stdout write that bypasses the safety net of guardStdout (our text is sanitised already). */
function writeStdout(text: string): void {
  (rawStdoutWrite ?? ((chunk: string) => process.stdout.write(chunk)))(text);
}

function paint(text: string, stream: NodeJS.WriteStream): string {
  const safe = terminalText(text);
  return colorEnabled(stream) ? colorLines(safe, pc.createColors(true)) : safe;
}

/** A result for the user (✓ lines, summaries): stdout; left out under --quiet. */
export function result(text: string): void {
  if (settings.quiet || text === '') return;
  writeStdout(paint(ensureNewline(text), process.stdout));
}

/** A machine-readable document (--json): stdout, always, never coloured. */
export function json(document: unknown): void {
  writeStdout(`${terminalText(JSON.stringify(document, null, 2))}\n`);
}

/** Errors, warnings and ✗ lines: stderr, also under --quiet. */
export function diagnostic(text: string): void {
  if (text === '') return;
  process.stderr.write(paint(ensureNewline(text), process.stderr));
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * A safety net for anything written to stdout some other way (a library, a forgotten write):
 * it still goes through terminalText. result() and json() use the original write.
 */
export function guardStdout(): void {
  if (rawStdoutWrite) return;
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  rawStdoutWrite = (text: string) => write(text);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? terminalText(chunk) : chunk, ...rest)) as typeof process.stdout.write;
}
