import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExports } from '../src/import/index.js';
import { runCli } from './support/run-cli.js';
import { SAMPLE_FILE } from './support/sample-fixture.js';

const LINES = readFileSync(SAMPLE_FILE, 'utf8').split('\n');
const NAME = 'export.txt';

/** The sample export cut after its first `count` lines (at a row boundary), imported into a fresh folder. */
async function importCut(count: number): Promise<{ files: Map<string, string>; errors: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-cut-'));
  writeFileSync(path.join(dir, NAME), `${LINES.slice(0, count).join('\n')}\n`);
  const out = path.join(dir, 'out');
  const result = await importExports([path.join(dir, NAME)], { outDir: out, force: false });
  const files = new Map(result.written.map((file) => [path.basename(file), readFileSync(file, 'utf8')]));
  return { files, errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) };
}

describe('an export cut at a row boundary', () => {
  it('never yields a form other than the whole export gives: a cut form is refused', async () => {
    const whole = await importCut(LINES.length);
    expect(whole.errors).toEqual([]);
    expect(whole.files.size).toBe(3);
    const written: { count: number; name: string }[] = [];
    for (let count = 1; count < LINES.length; count++) {
      const cut = await importCut(count);
      for (const [name, text] of cut.files) {
        if (text !== whole.files.get(name)) written.push({ count, name });
      }
    }
    // The one cut the export cannot show: 部门整体 without its last row still has weights
    // summing to 90, and its score is scaled, so it reads 100.00 either way.
    const lastRow = LINES.findIndex((line) => line.startsWith('收到市民群众或有关单位投诉举报'));
    expect(written).toEqual([{ count: lastRow, name: '50010300023P000024-重庆市渝中区人民政府办公室整体监控.yaml' }]);
  });

  it('fails the cut form with the shipped command, says why, and writes the whole ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ziping-cut-cli-'));
    // Up to the second indicator row of the third form.
    const third = LINES.findIndex((line, index) => index > 60 && line.startsWith('2023年度二级项目绩效自评表'));
    const cutAt = LINES.findIndex((line, index) => index > third && line.startsWith('指标名称')) + 3;
    writeFileSync(path.join(dir, NAME), `${LINES.slice(0, cutAt).join('\n')}\n`);
    const result = runCli(['import', NAME, '--out', 'data'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`${NAME}:${third + 1}:1 — 表“国家、市级调研课题、政府报告、信息工作”的指标权重合计为 \\d+，不是 90 或 100（共 2 行指标）：导出文件可能不完整（被截断）或漏了行，此表未写出 \\[E_EXPORT_INCOMPLETE\\]`),
    );
    expect(readdirSync(path.join(dir, 'data')).sort()).toEqual([
      '50010300023P000024-重庆市渝中区人民政府办公室整体监控.yaml',
      '50010322T000000148597-夏季慰问及元旦、春节慰问.yaml',
      'form.schema.json',
    ]);
  });
});
