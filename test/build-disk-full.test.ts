import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { ROOT, runCli } from './support/run-cli.js';

const SAMPLE = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');
const prlimit = externalTool('prlimit');
const env = { SOURCE_DATE_EPOCH: '1700000000' };

describe.skipIf(!prlimit.available)(`a write that fails mid-form (disk full) ${prlimit.reason}`, () => {
  it('replaces neither file: the form fails with E_WRITE, no temp file stays, the next build completes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-full-'));
    mkdirSync(join(dir, 'd'));
    const source = join(dir, 'd', 'summer-visits.yaml');
    writeFileSync(source, SAMPLE);
    expect(runCli(['build', 'd', '--out', 'o'], { cwd: dir, env }).status).toBe(0);
    const pdfSize = statSync(join(dir, 'o', 'summer-visits.pdf')).size;
    const docxSize = statSync(join(dir, 'o', 'summer-visits.docx')).size;
    expect(pdfSize).toBeLessThan(docxSize);

    // A file-size limit between the two: the new PDF can be written, the new DOCX cannot —
    // what a disk filling up mid-form does. SIGXFSZ ignored, so the write fails with EFBIG.
    writeFileSync(source, SAMPLE.replace('actual: 220', 'actual: 180'));
    const limit = Math.round((pdfSize + docxSize) / 2);
    const result = spawnSync(
      'sh',
      ['-c', `trap "" XFSZ; exec prlimit --fsize=${limit}:${limit} "$0" "$@"`, process.execPath, join(ROOT, 'bin/ziping.js'), 'build', 'd', '--out', 'o'],
      { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain('✗ d/summer-visits.yaml（未生成文件）');
    expect(result.stderr).toMatch(/无法写入 o\/summer-visits\.pdf、o\/summer-visits\.docx：EFBIG.*\[E_WRITE\]/);
    // The old pair no longer matches the data, so it goes too (said); never a new PDF beside an old DOCX.
    expect(result.stdout).toContain('已删除过期的输出：o/summer-visits.pdf');
    expect(result.stdout).toContain('已删除过期的输出：o/summer-visits.docx');
    expect(readdirSync(join(dir, 'o'))).toEqual(['.ziping-manifest.json']);

    const again = runCli(['build', 'd', '--out', 'o'], { cwd: dir, env });
    expect(again.status).toBe(0);
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['.ziping-manifest.json', 'summer-visits.docx', 'summer-visits.pdf']);
  });
});
