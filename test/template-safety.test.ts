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
    expect(result.stderr).toMatch(/data\/form\.yaml:\d+:\d+ template — .*不在表单所在文件夹、项目文件夹.*\[E_TEMPLATE_PATH\]/);
  });

  it('refuses a symlink inside the project that points outside it', () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'ziping-secret-')), 'passwd');
    writeFileSync(secret, SECRET);
    const dir = projectWith('link.hbs');
    symlinkSync(secret, join(dir, 'data', 'link.hbs'));
    expect(build(dir).stderr).toContain('E_TEMPLATE_PATH');
  });

  it('refuses a device and a named pipe at once (no endless read, no hang)', () => {
    const device = projectWith('zero.hbs');
    symlinkSync('/dev/zero', join(device, 'data', 'zero.hbs'));
    // /dev/zero resolves outside the project: refused by path before it is opened.
    expect(build(device).stderr).toContain('E_TEMPLATE_PATH');
    const pipe = projectWith('pipe.hbs');
    expect(spawnSync('mkfifo', [join(pipe, 'data', 'pipe.hbs')]).status).toBe(0);
    expect(build(pipe).stderr).toMatch(/pipe\.hbs 不是普通文件.*\[E_TEMPLATE_FILE\]/);
  });

  it('a template with a syntax error is named by line, without quoting its content', () => {
    const dir = projectWith('broken.hbs');
    writeFileSync(join(dir, 'data', 'broken.hbs'), `${SECRET}\nline two {{#if}\n`);
    const result = build(dir);
    expect(result.stderr).toContain('Parse error on line 2（Handlebars 语法错误）');
    expect(result.stderr).toContain('E_TEMPLATE');
  });
});

describe('a form’s own template', () => {
  it('may live in a folder ziping.config.json lists in templateRoots, and nowhere else outside the project', () => {
    const shared = mkdtempSync(join(tmpdir(), 'ziping-shared-templates-'));
    cpSync('templates/二级项目/template.hbs', join(shared, 'own.hbs'));
    const dir = projectWith(join(shared, 'own.hbs'));
    expect(runCli(['build', 'data', '--format', 'pdf'], { cwd: dir }).stderr).toContain('E_TEMPLATE_PATH');
    writeFileSync(join(dir, 'ziping.config.json'), JSON.stringify({ templateRoots: [shared] }));
    const result = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
    expect(result.status, result.stdout).toBe(0);
    expect(existsSync(join(dir, 'out', 'form.pdf'))).toBe(true);
    expect(runCli(['check', 'data'], { cwd: dir }).status).toBe(0);
  });

  it('rebuilds the form when only the template changed (it is part of what the output depends on)', () => {
    const dir = projectWith('own.hbs');
    cpSync('templates/二级项目/template.hbs', join(dir, 'data', 'own.hbs'));
    expect(runCli(['build', 'data', '--format', 'pdf'], { cwd: dir }).status).toBe(0);
    expect(runCli(['build', 'data', '--format', 'pdf'], { cwd: dir }).stdout).toContain('生成 0 个，未变 4 个');
    const template = readFileSync(join(dir, 'data', 'own.hbs'), 'utf8');
    writeFileSync(join(dir, 'data', 'own.hbs'), template.replace('{{> form-head}}', '<text>自定义抬头</text>\n{{> form-head}}'));
    const result = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
    expect(result.stdout).toContain('✓ data/form.yaml → out/form.pdf');
    expect(result.stdout).toContain('生成 1 个，未变 3 个');
  });
});
