import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const FAMILIES = ['部门整体', '二级项目', '项目支出'];

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ziping-init-'));
}

/** Every file under `dir` with its text: to show a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function checkJson(cwd: string, args: string[] = []) {
  const checked = runCli(['check', '--json', ...args], { cwd });
  return { status: checked.status, forms: (JSON.parse(checked.stdout) as { forms: { file: string; ok: boolean; form: string; warnings: unknown[]; printed: { selfScore: string } }[] }).forms };
}

describe('ziping init', () => {
  it('scaffolds a project outside the repository that checks and builds: one example per family, config, schema, editor mapping, .gitignore', () => {
    const parent = tempFolder();
    const made = runCli(['init', 'p'], { cwd: parent });
    expect(made.status, made.stderr).toBe(0);
    const project = join(parent, 'p');

    expect(JSON.parse(readFileSync(join(project, 'ziping.config.json'), 'utf8'))).toMatchObject({ out: 'out' });
    expect(readFileSync(join(project, 'form.schema.json'), 'utf8')).toBe(runCli(['schema']).stdout);
    const settings = JSON.parse(readFileSync(join(project, '.vscode/settings.json'), 'utf8')) as Record<string, Record<string, string[]>>;
    expect(settings['yaml.schemas']['./form.schema.json']).toEqual(['data/**/*.yaml']);
    expect(readFileSync(join(project, '.gitignore'), 'utf8').split('\n')).toContain('out/');

    const checked = checkJson(project);
    expect(checked.status).toBe(0);
    expect(checked.forms.map((form) => form.form).sort()).toEqual([...FAMILIES].sort());
    for (const form of checked.forms) {
      expect(form.ok).toBe(true);
      expect(form.warnings).toEqual([]);
      // The editor settings map the schema onto data/: a modeline would break when a form is copied.
      expect(readFileSync(join(project, form.file), 'utf8')).not.toContain('yaml-language-server');
    }

    const built = runCli(['build'], { cwd: project });
    expect(built.status, built.stderr).toBe(0);
    for (const form of checked.forms) {
      const base = join(project, form.file.replace(/^data\//, 'out/').replace(/\.yaml$/, ''));
      expect(existsSync(`${base}.pdf`) && existsSync(`${base}.docx`), base).toBe(true);
    }
  });

  it('refuses a folder that is already a project, changing nothing; elsewhere keeps existing files and only adds out/ to .gitignore', () => {
    const project = tempFolder();
    expect(runCli(['init'], { cwd: project }).status).toBe(0);
    const before = snapshot(project);
    const again = runCli(['init'], { cwd: project });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('E_PROJECT_EXISTS');
    expect(snapshot(project)).toEqual(before);

    const other = tempFolder();
    writeFileSync(join(other, '.gitignore'), 'node_modules');
    mkdirSync(join(other, '.vscode'));
    const mySettings = '{\n  // 我的设置\n  "editor.tabSize": 2\n}\n';
    writeFileSync(join(other, '.vscode/settings.json'), mySettings);
    const merged = runCli(['init'], { cwd: other });
    expect(merged.status, merged.stderr).toBe(0);
    expect(readFileSync(join(other, '.gitignore'), 'utf8')).toBe('node_modules\nout/\n');
    expect(readFileSync(join(other, '.vscode/settings.json'), 'utf8')).toBe(mySettings);
    expect(merged.stderr).toContain('W_INIT_FILE_EXISTS');
    expect(merged.stderr).toContain('"yaml.schemas"');
  });
});

describe('ziping new', () => {
  it('writes a valid form of each family that check scores without a warning, into the project data/<year>/', () => {
    const project = tempFolder();
    expect(runCli(['init'], { cwd: project }).status).toBe(0);
    for (const [index, family] of FAMILIES.entries()) {
      const made = runCli(['new', family, '--code', `T-${index}`, '--name', `测试 ${family}`, '--year', '2024', '--department', '024-测试局'], { cwd: join(project, 'data') });
      expect(made.status, made.stderr).toBe(0);
      const file = join(project, 'data/2024', `T-${index}-测试_${family}.yaml`);
      expect(made.stdout).toContain(`T-${index}-测试_${family}.yaml`);
      const checked = checkJson(project, [file]);
      expect(checked.status).toBe(0);
      expect(checked.forms[0]).toMatchObject({ ok: true, form: family, warnings: [] });
      expect(readFileSync(file, 'utf8')).toContain('024-测试局');
    }
  });

  it('refuses a second form with a code the year already has, an existing file (unless --force), and a misspelt family', () => {
    const project = tempFolder();
    expect(runCli(['init'], { cwd: project }).status).toBe(0);
    const args = ['new', '二级项目', '--code', 'A-1', '--name', '甲', '--year', '2024'];
    expect(runCli(args, { cwd: project }).status).toBe(0);
    const file = join(project, 'data/2024/A-1-甲.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# 我的修改\n`);
    const before = snapshot(project);

    const duplicate = runCli(['new', '二级项目', '--code', 'A-1', '--name', '乙', '--year', '2024'], { cwd: project });
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/data\/2024\/A-1-甲\.yaml:\d+:\d+ project\.code .*E_DUPLICATE_CODE/);
    const existing = runCli(args, { cwd: project });
    expect(existing.status).toBe(1);
    expect(existing.stderr).toContain('E_OUTPUT_EXISTS');
    const misspelt = runCli(['new', '二级', '--code', 'B', '--name', '丙'], { cwd: project });
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain('是否应为 二级项目');
    expect(runCli(['new', '二级项目', '--name', '丙'], { cwd: project }).status).toBe(2);
    expect(snapshot(project)).toEqual(before);

    expect(runCli([...args, '--force'], { cwd: project }).status).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('我的修改');
  });

  it('outside a project names a schema that exists: one written beside the form', () => {
    const bare = tempFolder();
    const made = runCli(['new', '项目支出', '--code', 'N-1', '--name', '饮水', '--year', '2024'], { cwd: bare });
    expect(made.status, made.stderr).toBe(0);
    const text = readFileSync(join(bare, 'data/2024/N-1-饮水.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=form.schema.json');
    expect(readFileSync(join(bare, 'data/2024/form.schema.json'), 'utf8')).toBe(runCli(['schema']).stdout);
  });
});
