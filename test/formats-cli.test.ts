import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { ROOT, runCli } from './support/run-cli.js';

/**
 * Formats as data, through the shipped command: `ziping formats` lists the installed ones, a
 * project's own format folder (ziping.config.json `formatFolders`) adds one with no code, and a
 * broken definition is reported where it is wrong, as a form's errors are.
 */
const pdftotext = externalTool('pdftotext');
const NATIONAL = readFileSync(join(ROOT, 'data/examples/national-2023/rural-water-supply.yaml'), 'utf8');
const SUMMER = readFileSync(join(ROOT, 'data/2023/yuzhong-gov-office/summer-visits.yaml'), 'utf8');
const BUILT_IN = ['部门整体', '重庆2021部门整体', '二级项目', '云南2022项目支出', '四川2022绩效目标自评表', '项目支出'];

/** A project outside the repository with the sample 二级项目 form and `formatFolders: ["my-formats"]`. */
function project(config: object = { formatFolders: ['my-formats'] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-formats-'));
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'my-formats'), { recursive: true });
  writeFileSync(join(dir, 'ziping.config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'data/summer.yaml'), SUMMER);
  return dir;
}

/**
 * A province's variant made from the national format by data only: its own name, amounts in
 * 元, full-width signs, grade bands, a required 项目负责人 and a line printing them.
 */
function addVariant(dir: string, name = '示例省项目支出'): void {
  const folder = join(dir, 'my-formats', name);
  cpSync(join(ROOT, 'templates/项目支出'), folder, { recursive: true });
  writeFileSync(
    join(folder, 'format.yaml'),
    [
      `name: ${name}`,
      'description: 示例省的项目支出绩效自评表',
      'family: 项目支出',
      'rules: mof2020',
      'title: "{{year}}年度项目支出绩效自评表"',
      'money: { unit: 元 }',
      'signs: fullwidth',
      'grades: [{ min: 90, label: 优 }, { min: 80, label: 良 }, { min: 60, label: 中 }, { min: 0, label: 差 }]',
      'fields:',
      '  project: [{ key: manager, title: 项目负责人, required: true }]',
      '',
    ].join('\n'),
  );
  const template = join(folder, 'template.hbs');
  writeFileSync(
    template,
    readFileSync(template, 'utf8')
      .replace(/<table cols="[^"]*"/, '<table cols="44 52 64 1* 66 58 30 40 106"')
      .replace('{{yearLine}}</text>', '{{yearLine}}</text>\n<text role="body" size="10" space-after="4">项目负责人：{{project.manager}}　评价等级：{{rating}}</text>'),
  );
}

const variantForm = (name = '示例省项目支出') => NATIONAL.replace('form: 项目支出', `form: ${name}`).replace('project:\n', 'project:\n  manager: 张示例 0871-1234567\n').replace(/^# yaml-language-server.*\n/, '');

function checkJson(cwd: string, args: string[] = []) {
  const result = runCli(['check', '--json', ...args], { cwd });
  return { ...result, forms: (JSON.parse(result.stdout) as { forms: Array<{ file: string; ok: boolean; form: string | null; errors: Array<Record<string, unknown>>; warnings: Array<Record<string, unknown>>; printed: { selfScore: string; funds: Array<{ row: string; adjusted: string }> } | null }> }).forms };
}

describe('ziping formats', () => {
  it('lists the built-in formats, 部门整体 first, with their family, rules and money unit', () => {
    const listed = runCli(['formats', '--json'], { cwd: project({}) });
    expect(listed.status, listed.stderr).toBe(0);
    const { formats, errors } = JSON.parse(listed.stdout) as { formats: Array<{ name: string; family: string; rules: { name: string }; money: string; origin: string; definition: string }>; errors: unknown[] };
    expect(errors).toEqual([]);
    expect(formats.map((format) => format.name)).toEqual(BUILT_IN);
    expect(formats.find((format) => format.name === '项目支出')).toMatchObject({ family: '项目支出', rules: { name: 'mof2020' }, money: '万元', origin: '内置' });
    expect(formats.find((format) => format.name === '云南2022项目支出')).toMatchObject({ rules: { name: 'mof2020' }, money: '元' });
    expect(formats.every((format) => format.definition.endsWith('format.yaml'))).toBe(true);
    const text = runCli(['formats'], { cwd: project({}) });
    expect(text.stdout).toMatch(/^表样\s+表类\s+评分规则\s+金额\s+来源\s+说明$/m);
    expect(text.stdout).toMatch(/^四川2022绩效目标自评表\s+项目支出\s+mof2020\s+万元\s+内置\s+.*附加字段：项目负责人及电话$/m);
    expect(text.stdout).toContain(`共 ${BUILT_IN.length} 个表样`);
  });
});

describe('a project’s own format folder', () => {
  it.skipIf(!pdftotext.available)(`adds a variant with no code: listed, checked with its fields, built with its unit, signs and grade ${pdftotext.reason}`, { timeout: 60_000 }, () => {
    const dir = project();
    addVariant(dir);
    writeFileSync(join(dir, 'data/variant.yaml'), variantForm());
    const listed = runCli(['formats'], { cwd: dir });
    expect(listed.stdout).toMatch(/^示例省项目支出\s+项目支出\s+mof2020\s+元\s+my-formats\/示例省项目支出\s+示例省的项目支出绩效自评表；附加字段：项目负责人$/m);

    const checked = checkJson(dir);
    expect(checked.status, checked.stderr).toBe(0);
    const variant = checked.forms.find((form) => form.file === 'data/variant.yaml')!;
    expect(variant).toMatchObject({ ok: true, form: '示例省项目支出', warnings: [] });
    // The example's 480.00 万元 of 全年预算数, printed in 元 as the format says.
    expect(variant.printed!.funds[0]).toMatchObject({ row: '年度资金总额', adjusted: '4,800,000.00' });
    expect(variant.printed!.selfScore).toBe('97.8');

    const built = runCli(['build'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.pdf')).sort()).toEqual(['summer.pdf', 'variant.pdf']);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'out/variant.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('2023年度项目支出绩效自评表');
    expect(text).toMatch(/项目负责人：张示例 0871-1234567\s+评价等级：优/);
    expect(text).toContain('4,800,000.00');
    expect(text).toContain('≧');
    expect(text).not.toMatch(/≥\d/);
  });

  it('holds a form to the variant’s fields: a required added field, located; the schema and `new` know them', () => {
    const dir = project();
    addVariant(dir);
    writeFileSync(join(dir, 'data/variant.yaml'), variantForm().replace(/ {2}manager: .*\n/, ''));
    const checked = checkJson(dir);
    expect(checked.status).toBe(1);
    const variant = checked.forms.find((form) => form.file === 'data/variant.yaml')!;
    expect(variant.errors).toEqual([expect.objectContaining({ code: 'E_REQUIRED', path: 'project.manager', message: '缺少必填字段：项目负责人（manager）', line: expect.any(Number) })]);

    const schema = JSON.parse(runCli(['schema', '--form', '示例省项目支出'], { cwd: dir }).stdout) as { properties: { project: { required: string[]; properties: Record<string, { title: string }> } } };
    expect(schema.properties.project.required).toContain('manager');
    expect(schema.properties.project.properties.manager.title).toBe('项目负责人');
    const whole = JSON.parse(runCli(['schema'], { cwd: dir }).stdout) as { properties: { form: { enum: string[] } } };
    expect(whole.properties.form.enum).toContain('示例省项目支出');

    const created = runCli(['new', '示例省项目支出', '--code', 'NEW-1', '--name', '新项目', '--year', '2024', '-o', 'data/new.yaml'], { cwd: dir });
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(join(dir, 'data/new.yaml'), 'utf8')).toMatch(/^form: 示例省项目支出$[\s\S]*^ {2}manager: "项目负责人（请填写）"$/m);
    expect(checkJson(dir, ['data/new.yaml']).forms[0]).toMatchObject({ ok: true, form: '示例省项目支出' });
  });

  it('reports a broken definition where it is wrong, fails the commands, and still builds the other forms', () => {
    const dir = project();
    addVariant(dir, '坏表样');
    writeFileSync(
      join(dir, 'my-formats/坏表样/format.yaml'),
      ['name: 坏表样', 'famliy: 项目支出', 'rules: mof2021', 'title: 标题', 'money: { unit: 元 }', 'template: missing.hbs', ''].join('\n'),
    );
    const listed = runCli(['formats'], { cwd: dir });
    expect(listed.status).toBe(1);
    const file = 'my-formats/坏表样/format.yaml';
    expect(listed.stderr).toContain(`${file}:1:1 family — 表样定义缺少 family（表类） [E_FORMAT_DEFINITION]`);
    expect(listed.stderr).toContain(`${file}:2:1 famliy — 表样定义中有未知字段“famliy” [E_FORMAT_DEFINITION]`);
    expect(listed.stderr).toContain('是否应为 family？');
    expect(listed.stderr).toMatch(new RegExp(`${file}:3:8 rules — 表样定义的 rules（评分规则）：应为 cq2023 或 mof2020`));
    expect(listed.stdout).toContain('相应表样未载入');

    const checked = checkJson(dir);
    expect(checked.status).toBe(1);
    expect(checked.forms.find((form) => form.file === file)).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ code: 'E_FORMAT_DEFINITION', line: 2, col: 1, path: 'famliy' })]) });
    expect(checked.forms.find((form) => form.file === 'data/summer.yaml')).toMatchObject({ ok: true });

    const built = runCli(['build'], { cwd: dir });
    expect(built.status).toBe(1);
    expect(built.stderr).toContain(`${file}:1:1`);
    expect(existsSync(join(dir, 'out/summer.pdf'))).toBe(true);

    // The definition fixed but its template missing: named at `template:`.
    writeFileSync(join(dir, 'my-formats/坏表样/format.yaml'), ['name: 坏表样', 'family: 项目支出', 'rules: mof2020', 'title: 标题', 'money: { unit: 元 }', 'template: missing.hbs', ''].join('\n'));
    expect(runCli(['formats'], { cwd: dir }).stderr).toContain(`${file}:6:11 template — 模板 missing.hbs 不存在 [E_FORMAT_TEMPLATE]`);
  });

  it('refuses an added field that would replace one of the rules’ own', () => {
    const dir = project();
    addVariant(dir);
    const file = join(dir, 'my-formats/示例省项目支出/format.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('key: manager', 'key: department'));
    const listed = runCli(['formats'], { cwd: dir });
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(/my-formats\/示例省项目支出\/format\.yaml:10:\d+ fields\.project\[0\]\.key — 附加字段 department 与评分规则 mof2020 已有的字段同名 \[E_FORMAT_DEFINITION\]/);
  });

  it('refuses a second format of a built-in name, naming both definitions', () => {
    const dir = project();
    addVariant(dir, '项目支出');
    const listed = runCli(['formats'], { cwd: dir });
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(/my-formats\/项目支出\/format\.yaml:1:7 name — 表样“项目支出”已由 .*templates\/项目支出\/format\.yaml 定义 \[E_FORMAT_DUPLICATE\]/);
  });

  it('warns of a nowrap label wider than its column, at the label in the template (check and build alike)', () => {
    const dir = project();
    addVariant(dir);
    const template = join(dir, 'my-formats/示例省项目支出/template.hbs');
    // 项目负责人及电话 (8 characters at 9 pt: 72 pt) in a 40 pt column: 33 pt inside its paddings, rule and slack.
    const narrow = '<table cols="40 1*" size="9" padding="2 3"><tr><td nowrap>项目负责人及电话</td><td>{{project.manager}}</td></tr></table>';
    writeFileSync(template, readFileSync(template, 'utf8').replace('</document>', `${narrow}\n</document>`));
    writeFileSync(join(dir, 'data/variant.yaml'), variantForm());
    const line = readFileSync(template, 'utf8').split('\n').findIndex((text) => text.includes('<td nowrap>项目负责人及电话</td>')) + 1;
    expect(line).toBeGreaterThan(0);
    const checked = checkJson(dir);
    const variant = checked.forms.find((form) => form.file === 'data/variant.yaml')!;
    expect(variant.ok).toBe(true);
    expect(variant.warnings).toEqual([expect.objectContaining({ code: 'W_LABEL_OVERFLOW', file: 'my-formats/示例省项目支出/template.hbs', line })]);
    expect(String(variant.warnings[0].message)).toMatch(/^标签“项目负责人及电话”宽 72\.0 pt，所在栏只容得下 33\.0 pt/);
    const built = runCli(['build', 'data/variant.yaml'], { cwd: dir });
    expect(built.status).toBe(0);
    expect(built.stderr).toContain(`my-formats/示例省项目支出/template.hbs:${line}:`);
    expect(built.stderr).toContain('[W_LABEL_OVERFLOW]');
  });

  it.skipIf(!pdftotext.available)(`keeps a templates folder of the older layout (<表样>.hbs beside partials/) working ${pdftotext.reason}`, () => {
    const dir = project({ templates: 'old-templates', format: 'pdf' });
    mkdirSync(join(dir, 'old-templates'));
    cpSync(join(ROOT, 'templates/partials'), join(dir, 'old-templates/partials'), { recursive: true });
    writeFileSync(join(dir, 'old-templates/二级项目.hbs'), readFileSync(join(ROOT, 'templates/二级项目/template.hbs'), 'utf8').replace('{{> form-head}}', '<text>旧式模板目录</text>\n{{> form-head}}'));
    const built = runCli(['build'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    expect(execFileSync('pdftotext', [join(dir, 'out/summer.pdf'), '-'], { encoding: 'utf8' })).toContain('旧式模板目录');
    expect(JSON.parse(runCli(['formats', '--json'], { cwd: dir }).stdout).formats.map((f: { name: string }) => f.name)).toEqual(BUILT_IN);
  });
});
