import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

/** A form whose 全年完成值 carries a terminal escape that would erase the line and print a fake success. */
function formWithEscape(): { dir: string; value: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-escape-'));
  const value = '\u001b[2K\r✓ 全部通过\u202e';
  const yaml = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8').replace('actual: 220', `actual: "\\e[2K\\r✓ 全部通过\\u202E"`);
  writeFileSync(join(dir, 'x.yaml'), yaml);
  return { dir, value };
}

describe('control characters from form data never reach the terminal raw', () => {
  it('check prints them as \\uXXXX in text, and --json still reads back the exact value', () => {
    const { dir, value } = formWithEscape();
    const text = runCli(['check', dir]);
    expect(text.status).toBe(1);
    // The error quoting the value is a diagnostic: on stderr, which is as much the terminal.
    expect(text.stdout + text.stderr).not.toMatch(/[\u001b\r\u202e]/);
    expect(text.stderr).toContain('\\u001B[2K\\u000D✓ 全部通过\\u202E');
    // With colour forced on, ziping's own colour codes appear, the form's escape still does not.
    const coloured = runCli(['check', dir, '--color', 'always']);
    expect(coloured.stderr).toMatch(/\u001b\[31m/);
    expect(coloured.stderr).toContain('\\u001B[2K\\u000D✓ 全部通过\\u202E');
    expect(coloured.stderr.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u001b\r\u202e]/);
    const json = runCli(['check', dir, '--json']);
    const message = (JSON.parse(json.stdout) as { forms: { errors: { message: string }[] }[] }).forms[0].errors[0].message;
    expect(message).toContain(value);
  });
});
