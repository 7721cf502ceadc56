import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { writeSyntheticTree } from '../src/bench/write-synthetic-tree.js';
import { ROOT, runCli } from './support/run-cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

function syntheticTree(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-batch-'));
  writeSyntheticTree(join(dir, 'data'), count, 7, join(ROOT, 'data'));
  return dir;
}

/** Every output file under `out` (relative path → bytes), manifests and temp files excluded. */
function outputs(out: string): Map<string, Buffer> {
  const files = fg.sync('**/*.{pdf,docx}', { cwd: out }).sort();
  return new Map(files.map((file) => [file, readFileSync(join(out, file))]));
}

function buildJson(cwd: string, args: string[]) {
  const result = runCli(['build', 'data', '--json', ...args], { cwd, env: EPOCH });
  return { status: result.status, doc: JSON.parse(result.stdout) as { forms: { file: string; status: string; ok: boolean }[]; summary: Record<string, number>; orphans: string[] } };
}

describe('incremental builds', () => {
  const dir = syntheticTree(6);

  it('builds all, then skips unchanged forms, rebuilds one changed form, and --force rebuilds all', () => {
    expect(buildJson(dir, []).doc.summary).toMatchObject({ built: 6, unchanged: 0, failed: 0 });
    expect(buildJson(dir, []).doc.summary).toMatchObject({ built: 0, unchanged: 6 });
    const [first] = fg.sync('data/**/*.yaml', { cwd: dir }).sort();
    writeFileSync(join(dir, first), readFileSync(join(dir, first), 'utf8').replace(/status: .*/, 'status: 绩效审核待审'));
    const again = buildJson(dir, []);
    expect(again.doc.summary).toMatchObject({ built: 1, unchanged: 5 });
    expect(again.doc.forms.find((f) => f.status === 'built')!.file).toBe(first);
    expect(buildJson(dir, ['--force']).doc.summary).toMatchObject({ built: 6, unchanged: 0 });
  });

  it('rebuilds a form whose output was deleted', () => {
    const [pdf] = fg.sync('out/**/*.pdf', { cwd: dir }).sort();
    rmSync(join(dir, pdf));
    expect(buildJson(dir, []).doc.summary).toMatchObject({ built: 1, unchanged: 5 });
    expect(existsSync(join(dir, pdf))).toBe(true);
  });

  it('lists outputs whose source is gone, and removes them only with --prune', () => {
    const [source] = fg.sync('data/**/*.yaml', { cwd: dir }).sort().reverse();
    const pdf = join(dir, 'out', relative('data', source).replace(/\.yaml$/, '.pdf'));
    renameSync(join(dir, source), join(dir, `${source}.bak`));
    const listed = buildJson(dir, []);
    expect(listed.doc.orphans).toEqual([source]);
    expect(existsSync(pdf)).toBe(true);
    const pruned = buildJson(dir, ['--prune']);
    expect(pruned.doc.orphans).toEqual([source]);
    expect(existsSync(pdf)).toBe(false);
    expect(buildJson(dir, []).doc.orphans).toEqual([]);
  });
});

describe('fault tolerance', () => {
  it('a form whose template throws does not stop the others', () => {
    const dir = syntheticTree(5);
    const [victim] = fg.sync('data/**/*.yaml', { cwd: dir }).sort();
    writeFileSync(join(dir, 'data', 'broken.hbs'), '<document><text>{{no.such.field}}</text></document>');
    writeFileSync(join(dir, victim), `template: ${relative(join(dir, victim, '..'), join(dir, 'data', 'broken.hbs'))}\n${readFileSync(join(dir, victim), 'utf8')}`);
    const { status, doc } = buildJson(dir, ['--jobs', '2']);
    expect(status).toBe(1);
    expect(doc.summary).toMatchObject({ built: 4, failed: 1 });
    const failed = doc.forms.find((f) => !f.ok) as unknown as { file: string; errors: { code: string; message: string }[] };
    expect(failed.file).toBe(victim);
    expect(failed.errors[0].code).toBe('E_TEMPLATE');
  });

  it('after kill -9 mid-batch, a rerun finishes the rest and every output equals a clean build', async () => {
    const dir = syntheticTree(36);
    const clean = mkdtempSync(join(tmpdir(), 'ziping-clean-'));
    cpSync(join(dir, 'data'), join(clean, 'data'), { recursive: true });
    expect(runCli(['build', 'data', '--jobs', '2'], { cwd: clean, env: EPOCH }).status).toBe(0);

    const child = spawn(process.execPath, [join(ROOT, 'bin/ziping.js'), 'build', 'data', '--jobs', '2'], { cwd: dir, env: { ...process.env, ...EPOCH }, stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const done = existsSync(join(dir, 'out')) ? fg.sync('out/**/*.pdf', { cwd: dir }).length : 0;
        if (done >= 8 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const partial = outputs(join(dir, 'out'));
    expect(partial.size).toBeLessThan(72);
    // Whatever is there is complete: every PDF parses and every DOCX unzips.
    for (const [file, bytes] of partial) {
      if (file.endsWith('.pdf')) await expect(PDFDocument.load(bytes)).resolves.toBeDefined();
      else await expect(JSZip.loadAsync(bytes)).resolves.toBeDefined();
    }
    JSON.parse(readFileSync(join(dir, 'out/.ziping-manifest.json'), 'utf8'));

    const rerun = runCli(['build', 'data', '--jobs', '2', '--json'], { cwd: dir, env: EPOCH });
    expect(rerun.status).toBe(0);
    expect(fg.sync('out/**/*.tmp', { cwd: dir, dot: true })).toEqual([]);
    const finished = outputs(join(dir, 'out'));
    const expected = outputs(join(clean, 'out'));
    expect([...finished.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(finished.get(file)!.equals(bytes), file).toBe(true);
  });
});

describe('--shard K/N', () => {
  it('partitions are disjoint, cover everything, and merge into one manifest', () => {
    const dir = syntheticTree(12);
    const built = [1, 2, 3].map((k) => {
      const { status, doc } = buildJson(dir, ['--shard', `${k}/3`, '--format', 'pdf']);
      expect(status).toBe(0);
      return doc.forms.map((f) => f.file);
    });
    const all = built.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(fg.sync('data/**/*.yaml', { cwd: dir }).sort());
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('shard')).sort()).toEqual([
      '.ziping-manifest.shard-1-of-3.json',
      '.ziping-manifest.shard-2-of-3.json',
      '.ziping-manifest.shard-3-of-3.json',
    ]);
    expect(runCli(['build', '--merge-manifests'], { cwd: dir }).status).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, 'out/.ziping-manifest.json'), 'utf8'));
    // Manifest paths are relative to the output folder (out/), so any working folder reads them alike.
    expect(Object.keys(merged.entries).sort()).toEqual(all.map((file) => `../${file}`).sort());
    expect(buildJson(dir, ['--format', 'pdf']).doc.summary).toMatchObject({ built: 0, unchanged: 12 });
  });
});
