import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

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
});
