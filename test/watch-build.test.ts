import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

/** Collects a child's stdout and resolves when it matches. */
function waitFor(output: { text: string }, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = output.text.match(pattern);
      if (match) {
        clearInterval(poll);
        resolve(match);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output.text}`));
      }
    }, 20);
  });
}

describe('build --watch', () => {
  it('rebuilds a saved form and prints which printed values changed, then exits on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-watch-'));
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const child = spawn(process.execPath, [join(ROOT, 'bin/ziping.js'), 'build', '--watch', 'data', '--format', 'pdf'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { text: '' };
    child.stdout.on('data', (chunk) => (output.text += chunk));
    child.stderr.on('data', (chunk) => (output.text += chunk));
    try {
      await waitFor(output, /正在监视/, 60_000);
      const file = join(dir, 'data/2023/yuzhong-gov-office/summer-visits.yaml');
      const saved = Date.now();
      writeFileSync(file, readFileSync(file, 'utf8').replace('actual: 220', 'actual: 180'));
      const [line] = await waitFor(output, /✓ data\/2023\/yuzhong-gov-office\/summer-visits\.yaml 已重建（(\d+) 毫秒）[^]*?自评总分 100\.00 → 98\.00/, 30_000);
      const latency = Date.now() - saved;
      console.log(`watch: rebuilt ${latency} ms after the save`);
      expect(line).toContain('得分系数 100 → 90');
      expect(line).toContain('指标得分 20 → 18');
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
