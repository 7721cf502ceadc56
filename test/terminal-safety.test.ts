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
    expect(text.stdout).not.toMatch(/[\u001b\r\u202e]/);
    expect(text.stdout).toContain('\\u001B[2K\\u000D✓ 全部通过\\u202E');
    const json = runCli(['check', dir, '--json']);
    const message = (JSON.parse(json.stdout) as { forms: { errors: { message: string }[] }[] }).forms[0].errors[0].message;
    expect(message).toContain(value);
  });
});
