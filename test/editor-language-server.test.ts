import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, type LspDiagnostic } from './support/lsp-client.js';
import { runCli } from './support/run-cli.js';

/**
 * The editor experience, as VS Code's YAML extension gives it: the real yaml-language-server
 * (installed from npm here), the settings `ziping init` wrote, a form `ziping new` wrote, in a
 * folder outside the repository. Pinned, so a new server release cannot change the test's
 * meaning unseen.
 */
const SERVER_VERSION = '2.0.0';
const CJK = /[\u4e00-\u9fff]/;

let work: string;
let project: string;
let client: LspClient;
let formFile: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ziping-lsp-'));
  const serverDir = join(work, 'server');
  mkdirSync(serverDir);
  writeFileSync(join(serverDir, 'package.json'), '{"name":"server","private":true}');
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `yaml-language-server@${SERVER_VERSION}`], { cwd: serverDir, encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`npm could not install yaml-language-server: ${installed.stderr}`);

  project = join(work, '项目');
  expect(runCli(['init', project], { cwd: work }).status).toBe(0);
  const made = runCli(['new', '二级项目', '--code', 'LSP-1', '--name', '编辑器', '--year', '2024'], { cwd: project });
  expect(made.status, made.stderr).toBe(0);
  formFile = join(project, 'data/2024/LSP-1-编辑器.yaml');

  // What VS Code sends: its settings.json keys, nested by section.
  const vscode = JSON.parse(readFileSync(join(project, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
  client = new LspClient(process.execPath, [join(serverDir, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio']);
  return client.start(project, { yaml: { schemas: vscode['yaml.schemas'], validate: true, completion: true, hover: true } });
}, 240_000);

afterAll(() => {
  client?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Opens or changes a document and returns the diagnostics the server publishes for that text. */
async function diagnose(uri: string, version: number, text: string): Promise<LspDiagnostic[]> {
  const seen = client.published(uri);
  client.change(uri, version, text);
  return client.diagnosticsFor(uri, seen);
}

describe('yaml-language-server on an init + new project outside the repository', () => {
  it('a new form is clean; the rules check knows show at their field, in Chinese', async () => {
    const text = readFileSync(formFile, 'utf8');
    const uri = client.open(formFile, text);
    const broken = text
      .replace('grade: 达成, ', '') // 定性 without a grade
      .replace('nature: "≥"', 'nature: ">="') // typed with an IME
      .replace('- { name: 示例比率指标,', '- { level1: 产出指标, name: 示例比率指标,') // a national field
      .replace('target: 100,', 'target: 100%,'); // a unit in a number
    const problems = await diagnose(uri, 2, broken);
    const at = (needle: string) => broken.split('\n').findIndex((line) => line.includes(needle));
    const messages = (line: number) => problems.filter((p) => p.range.start.line === line).map((p) => p.message);
    expect(messages(at('示例定性指标')).join('\n')).toContain('定性指标须填写等级 grade');
    expect(messages(at('示例数量指标')).join('\n')).toContain('请写作 ≥');
    expect(messages(at('示例比率指标')).join('\n')).toContain('只用于 项目支出');
    expect(messages(at('示例比率指标')).join('\n')).toContain('指标值须为数字');
    expect(problems.filter((p) => !CJK.test(p.message))).toEqual([]);
    expect(problems).toHaveLength(4);

    // The form as ziping new wrote it: nothing to flag.
    expect(await diagnose(uri, 3, text)).toEqual([]);
  });

  it('completes field names with their Chinese titles and the enum values', async () => {
    const text = readFileSync(formFile, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('  financeOffice:'));
    lines[at] = '  ';
    const uri = `${client.open(formFile.replace('.yaml', '-2.yaml'), lines.join('\n'))}`;
    const keys = await client.completion(uri, at, 2);
    const labels = keys.map((item) => item.label);
    expect(labels).toContain('financeOffice');
    expect(labels).not.toContain('name'); // already there
    // Its hover text from the schema, as the editor shows it beside the list.
    expect(String(keys.find((item) => item.label === 'financeOffice')?.documentation)).toContain('003-行事科');

    const formLine = lines.findIndex((line) => line.startsWith('form:'));
    lines[formLine] = 'form: ';
    client.change(uri, 2, lines.join('\n'));
    const values = (await client.completion(uri, formLine, 6)).map((item) => item.label);
    expect(values).toEqual(expect.arrayContaining(['部门整体', '二级项目', '项目支出']));
  });

  it('the settings map the schema onto every form under data/ (no modeline), and only there', async () => {
    const year = readdirSync(join(project, 'data')).find((folder) => existsSync(join(project, 'data', folder, '示例')))!;
    const example = readFileSync(join(project, 'data', year, '示例/二级项目.yaml'), 'utf8').replace(`year: ${year}`, 'year: 二〇二五');
    expect(example).not.toContain('yaml-language-server');
    const deep = join(project, 'data', year, '某部门/下属单位/copied.yaml');
    mkdirSync(join(deep, '..'), { recursive: true });
    writeFileSync(deep, example);
    const inData = client.open(deep, example);
    expect((await client.diagnosticsFor(inData)).map((p) => p.message)).toEqual(['年度应为四位数字，如 2023']);

    const outside = join(project, 'notes.yaml');
    writeFileSync(outside, example);
    const uri = client.open(outside, example);
    expect(await client.diagnosticsFor(uri)).toEqual([]);
  });
});
