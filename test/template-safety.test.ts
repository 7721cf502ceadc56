import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const SECRET = 'root:SECRET-PASSWORD-42:0:0';

/** A project with the sample forms plus form.yaml naming `template` (as written in YAML). */
function projectWith(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-template-'));
  cpSync('data/2023/yuzhong-gov-office', join(dir, 'data'), { recursive: true });
  const sample = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8').replace('50010322T000000148597', 'TEMPLATE-1');
  writeFileSync(join(dir, 'data/form.yaml'), sample.replace(/^form:/m, `template: ${JSON.stringify(template)}\nform:`));
  return dir;
}

function build(dir: string) {
  const result = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
  expect(result.stdout + result.stderr).not.toContain('SECRET-PASSWORD');
  // The other three forms still build.
  for (const name of ['department-overall', 'research-and-information', 'summer-visits']) expect(existsSync(join(dir, 'out', `${name}.pdf`))).toBe(true);
  expect(existsSync(join(dir, 'out', 'form.pdf'))).toBe(false);
  return result;
}

describe('template: names only a small regular file inside the project or the form\'s folder', () => {
  it('refuses a file outside the project, and never prints its content', () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'ziping-secret-')), 'passwd');
    writeFileSync(secret, `${SECRET}\n{{#if}\n`);
    const result = build(projectWith(secret));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/data\/form\.yaml:\d+:\d+ template — .*不在表单所在文件夹或项目文件夹.*\[E_TEMPLATE_PATH\]/);
  });

  it('refuses a symlink inside the project that points outside it', () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'ziping-secret-')), 'passwd');
    writeFileSync(secret, SECRET);
    const dir = projectWith('link.hbs');
    symlinkSync(secret, join(dir, 'data', 'link.hbs'));
    expect(build(dir).stdout).toContain('E_TEMPLATE_PATH');
  });

  it('refuses a device and a named pipe at once (no endless read, no hang)', () => {
    const device = projectWith('zero.hbs');
    symlinkSync('/dev/zero', join(device, 'data', 'zero.hbs'));
    // /dev/zero resolves outside the project: refused by path before it is opened.
    expect(build(device).stdout).toContain('E_TEMPLATE_PATH');
    const pipe = projectWith('pipe.hbs');
    expect(spawnSync('mkfifo', [join(pipe, 'data', 'pipe.hbs')]).status).toBe(0);
    expect(build(pipe).stdout).toMatch(/pipe\.hbs 不是普通文件.*\[E_TEMPLATE_FILE\]/);
  });

  it('a template with a syntax error is named by line, without quoting its content', () => {
    const dir = projectWith('broken.hbs');
    writeFileSync(join(dir, 'data', 'broken.hbs'), `${SECRET}\nline two {{#if}\n`);
    const result = build(dir);
    expect(result.stdout).toContain('Parse error on line 2（Handlebars 语法错误）');
    expect(result.stdout).toContain('E_TEMPLATE');
  });
});
