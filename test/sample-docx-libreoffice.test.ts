import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { longFormYaml } from './support/long-form.js';
import { runCli } from './support/run-cli.js';
import { compareCellSequence, normalizeText, sampleForms } from './support/sample-fixture.js';

/**
 * The sample DOCX files as LibreOffice renders them, on a machine without any CJK font: same
 * cells in the same order as the PDF renderer's output, same page count.
 */
const soffice = externalTool('soffice');
const pdftotext = externalTool('pdftotext');
const tools = soffice.reason || pdftotext.reason;

describe.skipIf(!soffice.available || !pdftotext.available)(`sample DOCX through LibreOffice ${tools}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-docx-lo-'));
  const out = join(dir, 'out');
  const converted = join(dir, 'lo');
  const forms = join(out, 'yuzhong-gov-office');
  const SOURCES = 'data/2023/yuzhong-gov-office';
  /** The output name of the sample form with this 项目编码. */
  const nameFor = (code: string) => readdirSync(SOURCES).find((f) => readFileSync(join(SOURCES, f), 'utf8').includes(code))!.replace(/\.yaml$/, '');
  const pages = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const text = (pdf: string, page?: number) =>
    execFileSync('pdftotext', ['-raw', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' });

  beforeAll(() => {
    writeFileSync(join(dir, 'long.yaml'), longFormYaml(60));
    expect(runCli(['build', 'data/2023', '--out', out]).status).toBe(0);
    expect(runCli(['build', join(dir, 'long.yaml'), '--out', out]).status).toBe(0);
    const docx = [...readdirSync(forms).filter((f) => f.endsWith('.docx')).map((f) => join(forms, f)), join(out, 'long.docx')];
    // One soffice for every file (its start-up is most of the cost), with its own profile.
    const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', converted, ...docx], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(result.status).toBe(0);
  }, 900_000);

  for (const form of sampleForms()) {
    it(`${form.title} ${form.code}: same cells in order and the same page count as the PDF`, () => {
      const name = nameFor(form.code);
      const lo = join(converted, `${name}.pdf`);
      expect(compareCellSequence(text(lo), form.cells)).toBeNull();
      expect(pages(lo)).toBe(pages(join(forms, `${name}.pdf`)));
      expect(statSync(join(forms, `${name}.docx`)).size).toBeLessThanOrEqual(250 * 1024);
    });
  }

  it('the 60-indicator form: same page count as the PDF, the header row on every page', () => {
    const lo = join(converted, 'long.pdf');
    const count = pages(lo);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBe(pages(join(out, 'long.pdf')));
    const header = normalizeText('指标名称计量单位指标性质指标值全年完成值偏离度（%）得分系数（%）指标权重指标得分是否核心指标说明');
    const first = [...Array(count).keys()].map((i) => i + 1).find((p) => normalizeText(text(lo, p)).includes(header))!;
    for (let page = first; page <= count; page++) expect(normalizeText(text(lo, page)), `page ${page}`).toContain(header);
  });
});
