import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const SAMPLES = 'data/2023/yuzhong-gov-office';

/** Two departments' folders holding files of the same names (different project codes), plus one file only dept1 has. */
function twoDepartments(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-collision-'));
  for (const [dept, suffix] of [['dept0', '0'], ['dept1', '1']]) {
    mkdirSync(join(dir, dept));
    for (const name of readdirSync(SAMPLES)) {
      const text = readFileSync(join(SAMPLES, name), 'utf8').replace(/code: "?(\w+)"?/, `code: "$1${suffix}"`);
      writeFileSync(join(dir, dept, name), text);
    }
  }
  writeFileSync(join(dir, 'dept1', 'only-here.yaml'), readFileSync(join(SAMPLES, 'summer-visits.yaml'), 'utf8').replace(/code: "?(\w+)"?/, 'code: "ONLY-1"'));
  return dir;
}

describe('two sources, one output path', () => {
  it('fails both forms naming each other before writing, builds the rest, and leaves earlier outputs alone', () => {
    const dir = twoDepartments();
    const out = join(dir, 'out');
    // An earlier build of dept0 alone: its outputs must survive the colliding build untouched.
    expect(runCli(['build', 'dept0', '--out', out, '--format', 'pdf'], { cwd: dir }).status).toBe(0);
    const before = readFileSync(join(out, 'summer-visits.pdf'));

    const result = runCli(['build', 'dept0', 'dept1', '--out', out, '--format', 'pdf', '--force'], { cwd: dir });
    expect(result.status).toBe(1);
    for (const name of readdirSync(SAMPLES)) {
      const base = name.replace(/\.yaml$/, '');
      expect(result.stderr).toContain(`dept1/${name}:1:1 — 与 dept0/${name} 的输出路径相同`);
      expect(result.stderr).toContain(`dept0/${name}:1:1 — 与 dept1/${name} 的输出路径相同`);
      expect(result.stderr).toContain(`${base}.*`);
    }
    expect(result.stderr).toContain('E_OUTPUT_COLLISION');
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['department-overall.pdf', 'only-here.pdf', 'research-and-information.pdf', 'summer-visits.pdf']);
    expect(readFileSync(join(out, 'summer-visits.pdf')).equals(before)).toBe(true);

    // Built from their common folder, out/ mirrors it and nothing collides.
    const mirrored = runCli(['build', '.', '--out', join(dir, 'mirror'), '--format', 'pdf'], { cwd: dir });
    expect(mirrored.status, mirrored.stdout).toBe(0);
    expect(readdirSync(join(dir, 'mirror', 'dept0')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect(readdirSync(join(dir, 'mirror', 'dept1')).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
  });
});
