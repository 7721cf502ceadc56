import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressPayload } from '../src/cli/build-progress.js';
import { ROOT, runCli } from './support/run-cli.js';

/** The conventions of git, cargo and typst, run on the shipped command (issue 16). */

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ESC = /\u001b\[/;

/** Colour depends on the environment the user has; the tests start from none of it. */
const plainEnv = { TERM: 'xterm-256color' };
const SGR = /\u001b\[[0-9;]*m/;

/** runCli with NO_COLOR and FORCE_COLOR only as a test sets them (the test runner may have its own). */
function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NO_COLOR' && key !== 'FORCE_COLOR'));
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/ziping.js'), ...args], { cwd, env: { ...clean, ...plainEnv, ...env } as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-cli-'));
  cpSync(join(ROOT, 'data/2023/yuzhong-gov-office'), join(dir, 'data'), { recursive: true });
  return dir;
}

function withBrokenForm(dir: string): void {
  const good = readFileSync(join(dir, 'data/summer-visits.yaml'), 'utf8');
  writeFileSync(join(dir, 'data/broken.yaml'), good.replace('actual: 220', 'actual: 二百二十').replace(/code: .*/, 'code: BROKEN-1'));
}

describe('help and version', () => {
  it('`build --help` explains every option in Chinese, with examples, on stdout, exit 0', () => {
    const result = runCli(['build', '--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    for (const flag of ['-o, --out', '-f, --force', '-j, --jobs', '-w, --watch', '--shard', '--prune', '--merge-manifests', '-q, --quiet', '-V, --version']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/--shard <K\/N\|auto>\s+只生成 N 份中的第 K 份/);
    expect(result.stdout).toMatch(/--prune\s+删除源文件已不存在的表单的输出/);
    expect(result.stdout).toMatch(/示例：\n\s+ziping build/);
    expect(result.stdout).not.toMatch(/Usage:|Options:|choices:/);
  });

  it('`help <command>` is that command’s help, not the global synopsis', () => {
    for (const command of ['build', 'check', 'import', 'diff', 'pack', 'sign', 'verify']) {
      const help = runCli(['help', command]);
      expect(help.status, command).toBe(0);
      expect(help.stdout).toBe(runCli([command, '--help']).stdout);
      expect(help.stdout).toContain(`用法： ziping ${command} [选项]`);
    }
  });

  it('`--version` and `-V` print the package version', () => {
    for (const flag of ['--version', '-V']) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it('no command: the synopsis on stderr, exit 2; `--help` on stdout, exit 0', () => {
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/命令：[\s\S]*build [\s\S]*verify/);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('退出码');
  });
});

describe('usage errors', () => {
  it('a misspelt command or option gets did-you-mean in Chinese, exit 2, on stderr', () => {
    const command = runCli(['biuld']);
    expect(command.status).toBe(2);
    expect(command.stdout).toBe('');
    expect(command.stderr).toContain('未知命令 biuld（是否应为 build？）');
    const option = runCli(['build', '--frce']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('未知选项 --frce（是否应为 --force？）');
    const choice = runCli(['pack', '--by', 'month']);
    expect(choice.status).toBe(2);
    expect(choice.stderr).toContain('只能是 department、year（收到 month）');
    const missing = runCli(['build', '--jobs']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('选项 -j, --jobs <N> 需要一个值');
    for (const result of [command, option, choice, missing]) expect(result.stderr).not.toMatch(/error:|\n\s+at /);
  });
});

describe('short flags, --quiet, stdout and stderr', () => {
  it('`build data -o X -f -j 1 -q` builds, and says nothing when all is well', () => {
    const dir = project();
    const result = run(['build', 'data', '-o', 'X', '-f', '-j', '1', '-q'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect(readdirSync(join(dir, 'X')).filter((f) => f.endsWith('.pdf')).length).toBe(3);
  });

  it('results on stdout, diagnostics on stderr; --quiet keeps the diagnostics', () => {
    const dir = project();
    withBrokenForm(dir);
    const check = run(['check', 'data'], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^✓ data\/summer-visits\.yaml .*自评总分/m);
    expect(check.stdout).toMatch(/共 4 个表单：3 个通过，1 个有错误/);
    expect(check.stdout).not.toMatch(/broken|E_NUMBER/);
    expect(check.stderr).toMatch(/^✗ data\/broken\.yaml$/m);
    expect(check.stderr).toMatch(/^ {2}错误 data\/broken\.yaml:\d+:\d+ indicators\[\d+\]\.actual — .+\[E_NUMBER\]$/m);
    const quiet = run(['check', 'data', '-q'], dir);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe(check.stderr);
    const build = run(['build', 'data', '-o', 'out', '-q'], dir);
    expect(build.status).toBe(1);
    expect(build.stdout).toBe('');
    expect(build.stderr).toMatch(/✗ data\/broken\.yaml（未生成文件）\n {2}错误 data\/broken\.yaml:/);
    // --json is the result itself: written under --quiet too, one document on stdout.
    const json = run(['check', 'data', '-q', '--json'], dir);
    expect((JSON.parse(json.stdout) as { forms: unknown[] }).forms.length).toBe(4);
  });
});

describe('colour', () => {
  it('never on a pipe; --color always colours 错误/警告 and ✓/✗; NO_COLOR and --no-color win over a terminal', () => {
    const dir = project();
    withBrokenForm(dir);
    const piped = run(['check', 'data'], dir);
    expect(piped.stdout + piped.stderr).not.toMatch(ESC);
    const always = run(['check', 'data', '--color', 'always'], dir);
    expect(always.stderr).toContain('\u001b[1m\u001b[31m错误\u001b[39m\u001b[22m');
    expect(always.stdout).toContain('\u001b[32m✓\u001b[39m');
    expect(always.stderr).toContain('\u001b[31m✗\u001b[39m');
    // Colour changes how the text looks, never what it says.
    expect(always.stderr.replace(/\u001b\[[0-9;]*m/g, '')).toBe(piped.stderr);
    const forced = run(['check', 'data'], dir, { FORCE_COLOR: '1' });
    expect(forced.stderr).toMatch(ESC);
    expect(run(['check', 'data'], dir, { NO_COLOR: '1' }).stderr).not.toMatch(ESC);
    expect(run(['check', 'data', '--no-color'], dir, { FORCE_COLOR: '1' }).stderr).not.toMatch(ESC);
    expect(run(['check', 'data', '--color', 'never'], dir, { FORCE_COLOR: '1' }).stderr).not.toMatch(ESC);
  });

  const scriptAvailable = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!scriptAvailable && process.env.ZIPING_REQUIRE_TOOLS !== '1')('on a terminal: colour and a progress bar, none of it under TERM=dumb or NO_COLOR', () => {
    // `script` runs ziping on a pseudo-terminal, as a user's shell does.
    const dir = project();
    for (let i = 0; i < 24; i++) {
      const yaml = readFileSync(join(dir, 'data/summer-visits.yaml'), 'utf8').replace(/code: .*/, `code: GEN-${i}`);
      writeFileSync(join(dir, `data/gen-${i}.yaml`), yaml);
    }
    withBrokenForm(dir);
    const onTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/ziping.js'))} build data -o out -f -j 1`, '/dev/null'], {
        cwd: dir,
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NO_COLOR' && key !== 'FORCE_COLOR')), ...plainEnv, ...env },
        encoding: 'utf8',
      });
    const tty = onTerminal({});
    expect(tty.stdout).toMatch(/\u001b\[1m\u001b\[31m错误/);
    expect(tty.stdout).toMatch(/生成中 \[/);
    expect(tty.stdout).not.toMatch(/NF|NaN|Infinity/);
    const dumb = onTerminal({ TERM: 'dumb' });
    expect(dumb.stdout).toContain('错误 data/broken.yaml');
    expect(dumb.stdout).not.toMatch(ESC);
    const noColor = onTerminal({ NO_COLOR: '1' });
    // No colour; the bar itself (cursor movement, no colour) may still draw.
    expect(noColor.stdout).not.toMatch(SGR);
    expect(noColor.stdout).toContain('错误 data/broken.yaml');
    expect(existsSync(join(dir, 'out/gen-0.pdf'))).toBe(true);
  });
});

describe('the progress bar’s estimate', () => {
  it('says it is still estimating until a form is done and a second has gone, then minutes and seconds', () => {
    expect(progressPayload(0, 100, 0)).toEqual({ rate: '—', left: '时间估算中' });
    expect(progressPayload(3, 100, 0.4)).toEqual({ rate: '—', left: '时间估算中' });
    expect(progressPayload(10, 100, 2)).toEqual({ rate: '5.0', left: '约 18 秒' });
    expect(progressPayload(10, 1000, 2)).toEqual({ rate: '5.0', left: '约 3 分 18 秒' });
  });
});
