import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

interface StoredManifest {
  entries: Record<string, { source: string; outputs: { file: string; sha256: string; size: number }[] }>;
}

/** A project folder with the sample forms in data/, built once into out/ (PDF only). */
function builtProject(): { dir: string; manifestPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-prune-'));
  cpSync('data/2023', join(dir, 'data/2023'), { recursive: true });
  const built = runCli(['build', 'data', '--format', 'pdf'], { cwd: dir });
  expect(built.status, built.stdout).toBe(0);
  return { dir, manifestPath: join(dir, 'out', '.ziping-manifest.json') };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const readStored = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoredManifest;

describe('--prune deletes only what the build made, inside --out', () => {
  it('stores paths relative to the output folder, and each output\'s sha256 is the file\'s SHA-256', () => {
    const { dir, manifestPath } = builtProject();
    const entry = Object.values(readStored(manifestPath).entries).find((e) => e.source.endsWith('summer-visits.yaml'))!;
    expect(entry.source).toBe('../data/2023/yuzhong-gov-office/summer-visits.yaml');
    expect(entry.outputs[0].file).toBe('2023/yuzhong-gov-office/summer-visits.pdf');
    expect(entry.outputs[0].sha256).toBe(sha256(join(dir, 'out/2023/yuzhong-gov-office/summer-visits.pdf')));
  });

  it('run from another folder, it removes the orphan in --out and not a same-named file where it runs', () => {
    const { dir } = builtProject();
    rmSync(join(dir, 'data/2023/yuzhong-gov-office/summer-visits.yaml'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'ziping-elsewhere-'));
    const bystander = join(elsewhere, 'out/2023/yuzhong-gov-office/summer-visits.pdf');
    mkdirSync(join(elsewhere, 'out/2023/yuzhong-gov-office'), { recursive: true });
    writeFileSync(bystander, 'somebody else\'s file');
    const result = runCli(['build', join(dir, 'data'), '--out', join(dir, 'out'), '--format', 'pdf', '--prune'], { cwd: elsewhere });
    expect(result.status, result.stdout).toBe(0);
    expect(readFileSync(bystander, 'utf8')).toBe('somebody else\'s file');
    expect(existsSync(join(dir, 'out/2023/yuzhong-gov-office/summer-visits.pdf'))).toBe(false);
    // The forms that still exist were recognised (not rebuilt as new, not pruned).
    expect(existsSync(join(dir, 'out/2023/yuzhong-gov-office/research-and-information.pdf'))).toBe(true);
    expect(result.stdout).toMatch(/未变 2 个/);
  });

  it('a hand-edited manifest naming files outside --out, or a file changed since the build, deletes nothing of them', () => {
    const { dir, manifestPath } = builtProject();
    const victim = join(mkdtempSync(join(tmpdir(), 'ziping-victim-')), 'important.pdf');
    writeFileSync(victim, 'keep me');
    writeFileSync(join(dir, 'keep-me-too.pdf'), 'keep me too');
    const manifest = readStored(manifestPath);
    const template = Object.values(manifest.entries)[0];
    const orphan = (name: string, file: string, sha: string) => ({ ...template, source: `../data/gone-${name}.yaml`, outputs: [{ file, sha256: sha, size: 7 }] });
    manifest.entries['../data/gone-a.yaml'] = orphan('a', victim, sha256(victim));
    manifest.entries['../data/gone-b.yaml'] = orphan('b', '../keep-me-too.pdf', sha256(join(dir, 'keep-me-too.pdf')));
    // An output of a deleted source that the user edited after the build.
    const edited = join(dir, 'out/2023/yuzhong-gov-office/summer-visits.pdf');
    rmSync(join(dir, 'data/2023/yuzhong-gov-office/summer-visits.yaml'));
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(edited, Buffer.concat([readFileSync(edited), Buffer.from('\n% annotated by hand\n')]));

    const result = runCli(['build', 'data', '--format', 'pdf', '--prune'], { cwd: dir });
    expect(result.status, result.stdout).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'keep-me-too.pdf'), 'utf8')).toBe('keep me too');
    expect(existsSync(edited)).toBe(true);
    expect(result.stdout).toContain('不在输出文件夹内');
    expect(result.stdout).toContain('内容已改动');
  });
});
