import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticTree } from '../src/bench/write-synthetic-tree.js';
import { inShard } from '../src/build/shard.js';
import { ROOT, runCli } from './support/run-cli.js';

/** None of the engine variables of the machine running the tests leak in (ziping reads an empty one as unset). */
const UNSET = { JOB_COMPLETION_INDEX: '', CI_NODE_INDEX: '', CI_NODE_TOTAL: '', ZIPING_SHARD_COUNT: '' };

const runIn = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  runCli(args, { cwd, env: { ...UNSET, SOURCE_DATE_EPOCH: '1700000000', ...env } });

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-shard-auto-'));
  writeSyntheticTree(join(dir, 'data'), 6, 5, join(ROOT, 'data'));
  return dir;
}

/** The forms a build listed in its --json report. */
function builtForms(stdout: string): string[] {
  return (JSON.parse(stdout) as { forms: { file: string }[] }).forms.map((form) => form.file).sort();
}

describe('--shard auto without a usable environment is bad usage (exit 2) that names what is missing', () => {
  const dir = tree();
  const cases: { name: string; args: string[]; env: Record<string, string>; says: string[] }[] = [
    { name: 'no engine variable', args: [], env: {}, says: ['JOB_COMPLETION_INDEX', 'CI_NODE_INDEX', '--shard K/N', 'E_SHARD_ENV'] },
    { name: 'an index without a count', args: [], env: { JOB_COMPLETION_INDEX: '0' }, says: ['ZIPING_SHARD_COUNT', '--shard-count', 'completions', 'E_SHARD_ENV'] },
    { name: 'an index that is not a number', args: ['--shard-count', '4'], env: { JOB_COMPLETION_INDEX: 'abc' }, says: ['JOB_COMPLETION_INDEX', '"abc"'] },
    { name: 'an index beyond the count', args: ['--shard-count', '3'], env: { JOB_COMPLETION_INDEX: '3' }, says: ['JOB_COMPLETION_INDEX=3', '超出', '0 到 2'] },
    { name: 'a count that is not a number', args: [], env: { JOB_COMPLETION_INDEX: '0', ZIPING_SHARD_COUNT: 'four' }, says: ['ZIPING_SHARD_COUNT', '"four"'] },
    { name: 'two counts that disagree', args: ['--shard-count', '4'], env: { JOB_COMPLETION_INDEX: '0', ZIPING_SHARD_COUNT: '3' }, says: ['--shard-count=4', 'ZIPING_SHARD_COUNT=3', '不一致'] },
    { name: 'two engines at once', args: ['--shard-count', '4'], env: { JOB_COMPLETION_INDEX: '0', CI_NODE_INDEX: '1', CI_NODE_TOTAL: '4' }, says: ['JOB_COMPLETION_INDEX', 'CI_NODE_INDEX', '--shard K/N'] },
    { name: 'GitLab without its total', args: [], env: { CI_NODE_INDEX: '2' }, says: ['CI_NODE_TOTAL'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = runIn(dir, ['build', 'data', '--shard', 'auto', ...c.args], c.env);
      expect(result.status, result.stderr).toBe(2);
      for (const words of c.says) expect(result.stderr).toContain(words);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('--shard-count is only for --shard auto', () => {
    for (const args of [['--shard-count', '4'], ['--shard', '2/4', '--shard-count', '4']]) {
      const result = runIn(dir, ['build', 'data', ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--shard-count 只能与 --shard auto 一起使用');
    }
    const bad = runIn(dir, ['build', 'data', '--shard', '5/4']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('E_SHARD');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('--shard auto builds the same share as the --shard K/N it stands for', () => {
  it('Kubernetes (0-based JOB_COMPLETION_INDEX, count from --shard-count or ZIPING_SHARD_COUNT) and GitLab (1-based CI_NODE_INDEX/CI_NODE_TOTAL)', () => {
    const dir = tree();
    const build = (args: string[], vars: Record<string, string> = {}) => {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const result = runIn(dir, ['build', 'data', '--format', 'pdf', '--json', ...args], vars);
      expect(result.status, result.stderr).toBe(0);
      const manifests = readdirSync(join(dir, 'out')).filter((name) => name.startsWith('.ziping-manifest'));
      return { forms: builtForms(result.stdout), manifests };
    };
    const shares = [1, 2, 3].map((k) => build(['--shard', `${k}/3`]));
    expect(shares.every((share) => share.forms.length > 0)).toBe(true);
    for (let index = 0; index < 3; index += 1) {
      const expected = { forms: shares[index].forms, manifests: [`.ziping-manifest.shard-${index + 1}-of-3.json`] };
      expect(build(['--shard', 'auto', '--shard-count', '3'], { JOB_COMPLETION_INDEX: String(index) })).toEqual(expected);
      if (index === 1) expect(build(['--shard', 'auto'], { JOB_COMPLETION_INDEX: String(index), ZIPING_SHARD_COUNT: '3' })).toEqual(expected);
      expect(build(['--shard', 'auto'], { CI_NODE_INDEX: String(index + 1), CI_NODE_TOTAL: '3' })).toEqual(expected);
    }
  });
});

describe('--merge-manifests merges only a whole set of shard manifests', () => {
  function shardedOut(count: number): string {
    const dir = tree();
    for (let k = 1; k <= count; k += 1) expect(runIn(dir, ['build', 'data', '--format', 'pdf', '--shard', `${k}/${count}`]).status).toBe(0);
    return dir;
  }
  const merge = (dir: string) => runIn(dir, ['build', '--merge-manifests']);

  it('refuses a missing shard, a mix of two shard counts, an unreadable part, or none at all, and writes nothing', () => {
    const dir = shardedOut(3);
    const parts = join(dir, 'out');
    const third = join(parts, '.ziping-manifest.shard-3-of-3.json');
    const saved = readFileSync(third);
    rmSync(third);
    let result = merge(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('缺少第 3 片（.ziping-manifest.shard-3-of-3.json）');
    expect(result.stderr).toContain('E_SHARD_MISSING');
    expect(existsSync(join(parts, '.ziping-manifest.json'))).toBe(false);

    writeFileSync(third, saved);
    writeFileSync(join(parts, '.ziping-manifest.shard-1-of-2.json'), saved);
    result = merge(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('E_SHARD_MIXED');
    rmSync(join(parts, '.ziping-manifest.shard-1-of-2.json'));

    writeFileSync(third, saved.subarray(0, saved.length / 2));
    result = merge(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.ziping-manifest.shard-3-of-3.json');
    expect(result.stderr).toContain('E_SHARD_MANIFEST');
    expect(existsSync(join(parts, '.ziping-manifest.json'))).toBe(false);

    writeFileSync(third, saved);
    result = merge(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('已合并 3 个分片清单（共 3 片');

    const empty = tree();
    cpSync(join(dir, 'data'), join(empty, 'data'), { recursive: true, force: true });
    result = merge(empty);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('E_SHARD_NONE');
  });
});

describe('build --help explains the shard options', () => {
  it('names --shard auto, --shard-count and the engine variables', () => {
    const help = runCli(['build', '--help']).stdout;
    for (const words of ['--shard <K/N|auto>', '--shard-count <N>', 'JOB_COMPLETION_INDEX', 'ZIPING_SHARD_COUNT', 'docs/sharding.md']) expect(help).toContain(words);
  });
});

describe('a 项目编码 that forms in two different shards share', () => {
  it('fails the later one at the merge, as one build fails it: same outputs, same manifest, exit 1', () => {
    const dir = tree();
    const sample = readFileSync(join(ROOT, 'data/2023/yuzhong-gov-office/summer-visits.yaml'), 'utf8');
    // Two copies of one form (same year and code), named so that they fall in different shards of 2.
    const names = Array.from({ length: 40 }, (_, i) => `data/2023/copies/copy-${i}.yaml`);
    const first = names.find((name) => inShard(name, { index: 1, count: 2 }))!;
    const second = names.find((name) => inShard(name, { index: 2, count: 2 }))!;
    const files = [first, second].sort();
    for (const file of files) {
      mkdirSync(join(dir, 'data/2023/copies'), { recursive: true });
      writeFileSync(join(dir, file), sample);
    }
    const single = mkdtempSync(join(tmpdir(), 'ziping-shard-single-'));
    cpSync(join(dir, 'data'), join(single, 'data'), { recursive: true });
    const one = runIn(single, ['build', 'data', '--format', 'pdf']);
    expect(one.status).toBe(1);
    expect(one.stderr).toContain(`${files[1]}:`);
    expect(one.stderr).toContain('E_DUPLICATE_CODE');

    for (const k of [1, 2]) expect(runIn(dir, ['build', 'data', '--format', 'pdf', '--shard', `${k}/2`]).status).toBe(0);
    const merged = runIn(dir, ['build', '--merge-manifests']);
    expect(merged.status, merged.stderr).toBe(1);
    expect(merged.stderr).toContain(`${files[1]}:`);
    expect(merged.stderr).toContain(`与 ${files[0]} 重复`);
    expect(merged.stderr).toContain('E_DUPLICATE_CODE');
    const outputs = (root: string) => readdirSync(join(root, 'out'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.pdf')).sort();
    expect(outputs(dir)).toEqual(outputs(single));
    for (const file of outputs(single)) expect(readFileSync(join(dir, 'out', file)).equals(readFileSync(join(single, 'out', file))), file).toBe(true);
    const manifest = (root: string) => JSON.parse(readFileSync(join(root, 'out/.ziping-manifest.json'), 'utf8'));
    expect(manifest(dir)).toEqual(manifest(single));
  });
});
