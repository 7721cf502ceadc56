import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

/**
 * A child's output, read as it comes: `next(pattern)` resolves on the first match in what
 * arrives after the previous match — on the data event that brings it, not by polling.
 * The guard only turns a hang into a failure with the output so far; no step depends on it.
 */
function outputOf(child: ChildProcess) {
  let text = '';
  let from = 0;
  const waiting: (() => void)[] = [];
  const take = (chunk: Buffer) => {
    text += chunk;
    for (const check of waiting.splice(0)) check();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return {
    next(pattern: RegExp, guardMs = 120_000): Promise<string> {
      return new Promise((resolve, reject) => {
        const guard = setTimeout(() => reject(new Error(`no ${pattern} in the output:\n${text}`)), guardMs);
        const check = () => {
          const match = pattern.exec(text.slice(from));
          if (!match) return void waiting.push(check);
          clearTimeout(guard);
          const end = from + match.index + match[0].length;
          const found = text.slice(from, end);
          from = end;
          resolve(found);
        };
        check();
      });
    },
  };
}

describe('build --watch', () => {
  it('rebuilds each save, compares with the last good build, shows what build shows, and exits on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-watch-'));
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const child = spawn(process.execPath, [join(ROOT, 'bin/ziping.js'), 'build', '-w', 'data', '--format', 'pdf'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = outputOf(child);
    const file = join(dir, 'data/2023/yuzhong-gov-office/summer-visits.yaml');
    const shown = 'data/2023/yuzhong-gov-office/summer-visits.yaml';
    const original = readFileSync(file, 'utf8');
    const save = (actual: string) => writeFileSync(file, original.replace('actual: 220', `actual: ${actual}`));
    try {
      await output.next(/正在监视/);

      // A save that breaks the form: the same located error build prints.
      save('二百二');
      const broken = await output.next(new RegExp(`✗ ${shown}（未生成文件）\\n[^]*?\\[E_NUMBER\\]`));
      expect(broken).toContain(`错误 ${shown}:28:`);

      // Fixed with another value: the changes are counted from the last good build (220), not from nothing.
      save('180');
      const fixed = await output.next(new RegExp(`✓ ${shown} 已重建（\\d+ 毫秒）：[^]*?自评总分 100\\.00 → 98\\.00`));
      expect(fixed).toContain('得分系数 100 → 90');
      expect(fixed).toContain('指标得分 20 → 18');
      // …and the warnings build gives for it: the 自评总分 no longer matches the one reported.
      await output.next(/自评总分：报送值 100\.00，计算值 98\.00 \[W_REPORTED_MISMATCH\]/);

      // A save that builds with a warning: watch shows it as build does.
      save('300');
      const warned = await output.next(/\[W_DEVIATION_NOTE\]/);
      expect(warned).toContain('偏离度 -10 → 50');
      expect(warned).toContain(`警告 ${shown}:28:`);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
