import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

const SCHEMA = readFileSync(join(ROOT, 'data/form.schema.json'), 'utf8');

describe('ziping schema', () => {
  it('writes the form schema to stdout, or to -o atomically, and says when it is already current', () => {
    const printed = runCli(['schema']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(SCHEMA);

    const dir = mkdtempSync(join(tmpdir(), 'ziping-schema-'));
    const file = join(dir, 'form.schema.json');
    const written = runCli(['schema', '-o', file]);
    expect(written.status, written.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(SCHEMA);
    const again = runCli(['schema', '-o', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('已是最新');

    // An older ziping schema is replaced without asking.
    const old = JSON.parse(SCHEMA) as { properties: Record<string, unknown> };
    delete old.properties.reported;
    writeFileSync(file, JSON.stringify(old));
    expect(runCli(['schema', '-o', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(SCHEMA);
  });

  it('never overwrites a file that is not a ziping schema unless --force, and names a folder given as -o', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-schema-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"editor.tabSize": 2}\n');
    const refused = runCli(['schema', '-o', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('E_OUTPUT_EXISTS');
    expect(readFileSync(file, 'utf8')).toBe('{"editor.tabSize": 2}\n');
    expect(runCli(['schema', '-o', file, '--force']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(SCHEMA);

    const folder = runCli(['schema', '-o', dir]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain('E_OUTPUT_IS_DIRECTORY');
    expect(folder.stderr).not.toMatch(/\n\s+at /);
  });
});
