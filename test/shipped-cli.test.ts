import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticTree } from '../src/bench/write-synthetic-tree.js';
import { ROOT } from './support/run-cli.js';

const BIN = join(ROOT, 'bin', 'ziping.js');

/** What a user types is tested through bin/ziping.js, the one program that ships (dist/bundle). */
describe('the shipped program is the tested program', () => {
  it('no test imports a CLI command module: commands are tested by running bin/ziping.js', () => {
    const importers = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /from ['"](\.\.\/)+src\/cli\/(commands\/|main\.js)/.test(readFileSync(join(ROOT, 'test', file), 'utf8')));
    expect(importers).toEqual([]);
  });

  it.each(['dist/cli/main.js', 'dist/bundle/main.js'])('node %s run directly says how to run ziping and exits 2 (never 0 having done nothing)', (entry) => {
    const result = spawnSync(process.execPath, [entry, 'verify', 'no-such.pdf'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bin/ziping.js');
  });

  it('`ziping check … | head` stops quietly when the reader goes away (status 141, as SIGPIPE gives; no stack trace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-epipe-'));
    writeSyntheticTree(dir, 200);
    const child = spawn(process.execPath, [BIN, 'check', dir, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    // Read one chunk, then close the pipe as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(141);
  });
});
