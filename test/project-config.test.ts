import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

const SAMPLE = join(ROOT, 'data/2023/yuzhong-gov-office');

/** A project: the sample forms in data/2023/dept, a deeper data/2023/dept/notes folder to run from. */
function project(config?: unknown): { dir: string; deep: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-project-'));
  cpSync(SAMPLE, join(dir, 'data/2023/dept'), { recursive: true });
  const deep = join(dir, 'data/2023/dept/notes');
  mkdirSync(deep);
  if (config !== undefined) writeFileSync(join(dir, 'ziping.config.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return { dir, deep };
}

const sampleForms = readdirSync(SAMPLE).filter((name) => name.endsWith('.yaml')).sort();

describe('ziping.config.json is found in the working folder or any folder above it', () => {
  it('build and check run from a subfolder use the project config, its data and its out', () => {
    const { dir, deep } = project({ out: 'build', format: 'pdf' });
    const built = runCli(['build'], { cwd: deep });
    expect(built.status, built.stderr).toBe(0);
    // Paths in the config are the config folder's: build/, not data/2023/dept/notes/build/.
    expect(readdirSync(join(dir, 'build/2023/dept')).sort()).toEqual(sampleForms.map((name) => name.replace(/\.yaml$/, '.pdf')));
    expect(existsSync(join(deep, 'build'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const checked = runCli(['check'], { cwd: deep });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`共 ${sampleForms.length} 个表单`);
    // Run again from the top: the same manifest, nothing to do.
    expect(runCli(['build', '--json'], { cwd: dir }).stdout).toContain(`"unchanged": ${sampleForms.length}`);
  });

  it('templates, fonts and templateRoots are relative to the config file, not to the working folder', async () => {
    const { dir, deep } = project();
    const outside = mkdtempSync(join(tmpdir(), 'ziping-shared-'));
    cpSync(join(ROOT, 'templates'), join(dir, 'my-templates'), { recursive: true });
    const head = join(dir, 'my-templates/二级项目/template.hbs');
    writeFileSync(head, readFileSync(head, 'utf8').replace('{{> form-head}}', '<text>项目模板已采用</text>\n{{> form-head}}'));
    mkdirSync(join(dir, 'config/fonts'), { recursive: true });
    const fonts = JSON.parse(readFileSync(join(ROOT, 'fonts/fonts.json'), 'utf8'));
    // Told apart from the built-in config by its DOCX font mode: system fonts, nothing embedded.
    const faces = JSON.parse(JSON.stringify(fonts.faces).replaceAll('npm:', `${join(ROOT, 'node_modules')}/`));
    writeFileSync(join(dir, 'config/fonts/fonts.json'), JSON.stringify({ ...fonts, faces, docxFonts: 'system' }));
    // A form whose own template lives in a shared folder outside the project.
    cpSync(join(ROOT, 'templates/二级项目/template.hbs'), join(outside, 'shared.hbs'));
    const own = join(dir, 'data/2023/dept', sampleForms.find((name) => readFileSync(join(SAMPLE, name), 'utf8').includes('form: 二级项目'))!);
    writeFileSync(own, `template: ${join(outside, 'shared.hbs')}\n${readFileSync(own, 'utf8')}`);
    writeFileSync(join(dir, 'ziping.config.json'), JSON.stringify({ templates: 'my-templates', fonts: 'config/fonts/fonts.json', templateRoots: [join('..', outside.split('/').pop()!)], format: 'docx' }));
    const result = runCli(['build', '--json'], { cwd: deep });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const docx = readdirSync(join(dir, 'out/2023/dept')).filter((name) => name.endsWith('.docx'));
    const withHead: string[] = [];
    for (const name of docx) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out/2023/dept', name)));
      if ((await zip.file('word/document.xml')!.async('string')).includes('项目模板已采用')) withHead.push(name);
      expect(Object.keys(zip.files).filter((file) => file.startsWith('word/fonts/')), name).toEqual([]);
    }
    // Every 二级项目 form but the one with its own (shared, unmodified) template used my-templates.
    const others = sampleForms.filter((name) => join(dir, 'data/2023/dept', name) !== own && readFileSync(join(SAMPLE, name), 'utf8').includes('form: 二级项目'));
    expect(others.length).toBeGreaterThan(0);
    expect(withHead.sort()).toEqual(others.map((name) => name.replace(/\.yaml$/, '.docx')).sort());
  });

  it('the nearest config wins, and none above means the working folder’s defaults', () => {
    const { dir } = project({ out: 'outer' });
    const inner = join(dir, 'data/2023');
    writeFileSync(join(inner, 'ziping.config.json'), JSON.stringify({ out: 'inner', format: 'pdf' }));
    expect(runCli(['build', 'dept'], { cwd: inner }).status).toBe(0);
    // Input `dept` → its forms straight into out/ (the out folder mirrors the input folder).
    expect(readdirSync(join(inner, 'inner')).filter((name) => name.endsWith('.pdf')).sort()).toEqual(sampleForms.map((name) => name.replace(/\.yaml$/, '.pdf')));
    expect(existsSync(join(dir, 'outer'))).toBe(false);
  });
});

/** Each case: the config text, and where (line:col) and with which code it must be reported. */
const BROKEN: { name: string; text: string; at: string; code: string; says: string[] }[] = [
  { name: 'a missing comma', text: '{\n  "out": "build"\n  "format": "pdf"\n}\n', at: '3:3', code: 'E_CONFIG_JSON', says: ['缺少逗号'] },
  { name: 'a trailing comma', text: '{\n  "out": "build",\n  "format": "pdf",\n}\n', at: '3:18', code: 'E_CONFIG_JSON', says: ['多了逗号'] },
  { name: 'a comment', text: '{\n  "out": "build", // 输出\n  "pdfa": true\n}\n', at: '2:19', code: 'E_CONFIG_JSON', says: ['注释'] },
  { name: 'single quotes', text: "{\n  'out': 'build'\n}\n", at: '2:3', code: 'E_CONFIG_JSON', says: ['双引号'] },
  { name: 'an unquoted key', text: '{\n  "format": "pdf",\n  out: "build"\n}\n', at: '3:3', code: 'E_CONFIG_JSON', says: ['"out"'] },
  { name: 'an unclosed string', text: '{\n  "out": "build,\n  "pdfa": true\n}\n', at: '2:10', code: 'E_CONFIG_JSON', says: ['没有结束'] },
  { name: 'a missing closing brace', text: '{\n  "out": "build"\n', at: '2:17', code: 'E_CONFIG_JSON', says: ['缺少结尾的 }'] },
  { name: 'a bare word', text: '{\n  "pdfa": yes\n}\n', at: '2:11', code: 'E_CONFIG_JSON', says: ['yes'] },
  { name: 'an empty file', text: '', at: '1:1', code: 'E_CONFIG_JSON', says: ['空'] },
  { name: 'a misspelt key', text: '{\n  "out": "build",\n  "templtes": "my-templates"\n}\n', at: '3:3', code: 'E_CONFIG_KEY', says: ['"templtes"', '是否应为 "templates"？'] },
  { name: 'a key written twice', text: '{\n  "out": "a",\n  "out": "b"\n}\n', at: '3:3', code: 'E_CONFIG_KEY', says: ['"out"', '不止一次'] },
  { name: 'a string for a boolean', text: '{\n  "out": "build",\n  "pdfa": "yes"\n}\n', at: '3:11', code: 'E_CONFIG_TYPE', says: ['"pdfa"', 'true 或 false', '"yes"'] },
  { name: 'a string for a list', text: '{\n  "templateRoots": "../shared"\n}\n', at: '2:20', code: 'E_CONFIG_TYPE', says: ['"templateRoots"', '数组'] },
  { name: 'a number in a list', text: '{\n  "templateRoots": ["../shared", 7]\n}\n', at: '2:34', code: 'E_CONFIG_TYPE', says: ['"templateRoots[1]"', '数字 7'] },
  { name: 'a list for the whole file', text: '[\n  "out"\n]\n', at: '1:1', code: 'E_CONFIG_TYPE', says: ['JSON 对象'] },
  { name: 'an unknown choice', text: '{\n  "docxFonts": "embedd"\n}\n', at: '2:16', code: 'E_CONFIG_VALUE', says: ['"embed" 或 "system"', '是否应为 "embed"？'] },
  { name: 'an unknown format', text: '{\n  "format": "pdf,doc"\n}\n', at: '2:13', code: 'E_CONFIG_VALUE', says: ['"format"', '"pdf,doc"'] },
  { name: 'an empty path', text: '{\n  "out": ""\n}\n', at: '2:10', code: 'E_CONFIG_VALUE', says: ['"out"', '不能为空'] },
];

describe('a broken ziping.config.json is reported at its line and column, in Chinese, and nothing runs', () => {
  for (const broken of BROKEN) {
    it(`${broken.name} → ${broken.at} ${broken.code}`, () => {
      const { dir, deep } = project(broken.text);
      const result = runCli(['build', '--format', 'pdf'], { cwd: deep });
      expect(result.status).toBe(2);
      const line = result.stderr.split('\n').find((text) => text.includes(`[${broken.code}]`));
      expect(line, result.stderr).toContain(`../../../../ziping.config.json:${broken.at} `);
      for (const words of broken.says) expect(result.stderr).toContain(words);
      expect(result.stderr).not.toMatch(/\bat .+\.js:\d+/); // no stack trace
      expect(readdirSync(dir).sort()).toEqual(['data', 'ziping.config.json']);
    });
  }

  it('check, pack and --merge-manifests refuse a broken config the same way', () => {
    const { deep } = project('{\n  "fromat": "pdf"\n}\n');
    for (const args of [['check'], ['pack'], ['build', '--merge-manifests']]) {
      const result = runCli(args, { cwd: deep });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('../../../../ziping.config.json:2:3');
      expect(result.stderr).toContain('是否应为 "format"？');
    }
  });

  it('a BOM (as Windows Notepad writes) is not an error', () => {
    const { dir, deep } = project('\uFEFF{\n  "out": "build",\n  "format": "pdf"\n}\n');
    expect(runCli(['build'], { cwd: deep }).status).toBe(0);
    expect(existsSync(join(dir, 'build/2023/dept'))).toBe(true);
  });
});
