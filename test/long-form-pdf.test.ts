import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { longFormYaml, longRow } from './support/long-form.js';
import { runCli } from './support/run-cli.js';
import { normalizeText } from './support/sample-fixture.js';

const pdftotext = externalTool('pdftotext');

describe.skipIf(!pdftotext.available)(`a 60-indicator form ${pdftotext.reason}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-long-'));
  writeFileSync(join(dir, 'long.yaml'), longFormYaml(60));
  const build = runCli(['build', join(dir, 'long.yaml'), '--out', dir, '--format', 'pdf']);
  const pdf = join(dir, 'long.pdf');
  const pageCount = () => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const pageText = (page: number) =>
    normalizeText(execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));

  it('builds and spans several pages', () => {
    expect(build.status).toBe(0);
    expect(pageCount()).toBeGreaterThanOrEqual(3);
  });

  it('repeats the indicators header on every page', () => {
    const header = normalizeText('指标名称计量单位指标性质指标值全年完成值偏离度（%）得分系数（%）指标权重指标得分是否核心指标说明');
    const firstIndicatorsPage = [...Array(pageCount()).keys()].map((i) => i + 1).find((p) => pageText(p).includes(header))!;
    for (let page = firstIndicatorsPage; page <= pageCount(); page++) expect(pageText(page)).toContain(header);
  });

  it('never cuts a row across a page break: each row is whole on exactly one page', () => {
    const pages = [...Array(pageCount()).keys()].map((i) => pageText(i + 1));
    for (let i = 0; i < 60; i++) {
      const { marker, name, note } = longRow(i);
      const holding = pages.filter((text) => text.includes(marker));
      expect(holding, marker).toHaveLength(1);
      expect(holding[0]).toContain(normalizeText(name));
      expect(holding[0]).toContain(normalizeText(note));
    }
  });
});
