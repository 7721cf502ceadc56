import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const FORMS = 'data/2023/yuzhong-gov-office';

describe('one build at a time per output folder', () => {
  it('refuses while another live process holds the lock, naming its PID, and writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'ziping-lock-'));
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(join(out, '.ziping-build.lock'), `${holder.pid}\n`);
      const result = runCli(['build', FORMS, '--out', out, '--format', 'pdf']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`PID ${holder.pid}`);
      expect(result.stderr).toContain('E_OUT_LOCKED');
      expect(readdirSync(out)).toEqual(['.ziping-build.lock']);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose process is gone (a build killed with -9), and removes it when done', () => {
    const out = mkdtempSync(join(tmpdir(), 'ziping-lock-stale-'));
    mkdirSync(out, { recursive: true });
    const gone = spawnSync('true').pid!;
    writeFileSync(join(out, '.ziping-build.lock'), `${gone}\n`);
    const result = runCli(['build', FORMS, '--out', out, '--format', 'pdf']);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect(existsSync(join(out, '.ziping-build.lock'))).toBe(false);
  });
});
