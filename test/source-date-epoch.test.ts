import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const FORM = 'data/2023/yuzhong-gov-office/summer-visits.yaml';

/** Every file below `dir` with its bytes, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
  return Object.fromEntries(files.sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

describe('SOURCE_DATE_EPOCH that is not whole seconds in range is a usage error before anything is touched', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'ziping-epoch-'));
    const built = runCli(['build', FORM, '--out', out], { env: { SOURCE_DATE_EPOCH: '1704067200' } });
    expect(built.status, built.stderr).toBe(0);
  });

  it.each([
    ['abc', '不是整数秒'],
    ['1704067200.5', '不是整数秒'],
    ['-5', '不是整数秒'],
    ['1704067200000', '毫秒'],
    ['99999999999999999999', '毫秒'],
  ])('SOURCE_DATE_EPOCH=%s: exit 2, says why, the earlier outputs stay as they were', (value, reason) => {
    const before = snapshot(out);
    for (const args of [['build', FORM, '--out', out, '--force'], ['check', FORM], ['sign', out, '--p12', 'x.p12', '--pass-env', 'X']]) {
      const result = runCli(args, { env: { SOURCE_DATE_EPOCH: value } });
      expect(result.status, args[0]).toBe(2);
      expect(result.stderr).toContain(reason);
      expect(result.stderr).toContain('E_SOURCE_DATE_EPOCH');
    }
    expect(snapshot(out)).toEqual(before);
  });

  it('a valid value still builds, and reproducibly', () => {
    const again = mkdtempSync(join(tmpdir(), 'ziping-epoch-again-'));
    expect(runCli(['build', FORM, '--out', again], { env: { SOURCE_DATE_EPOCH: '1704067200' } }).status).toBe(0);
    expect(readFileSync(join(again, 'summer-visits.pdf')).equals(readFileSync(join(out, 'summer-visits.pdf')))).toBe(true);
  });
});
