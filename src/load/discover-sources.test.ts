import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverSources } from './discover-sources.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'ziping-discover-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('discoverSources', () => {
  it('lists .yaml and .yml files below a folder, sorted, skipping hidden folders and node_modules', async () => {
    for (const file of ['b/2.yaml', 'b/1.yml', 'a.yaml', 'notes.txt', '.hidden/x.yaml', 'node_modules/m/y.yaml']) {
      mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      writeFileSync(path.join(tmp, file), '');
    }
    expect(await discoverSources([tmp])).toEqual(['a.yaml', 'b/1.yml', 'b/2.yaml'].map((f) => path.join(tmp, f)));
  });

  it('keeps a file given directly, whatever its name, and a path that does not exist', async () => {
    const given = [path.join(tmp, 'nope.yaml'), path.join(tmp, 'notes.txt')];
    expect(await discoverSources([...given].reverse())).toEqual(given);
  });

  it('gives paths under the working directory relative to it, once each', async () => {
    const found = await discoverSources(['data', './data/2023/yuzhong-gov-office/summer-visits.yaml', path.resolve('data')]);
    const examples = readdirSync('data/examples', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `data/examples/${name}`)
      .sort();
    expect(examples).toContain('data/examples/national-2023/rural-water-supply.yaml');
    expect(found).toEqual([
      'data/2023/yuzhong-gov-office/department-overall.yaml',
      'data/2023/yuzhong-gov-office/research-and-information.yaml',
      'data/2023/yuzhong-gov-office/summer-visits.yaml',
      ...examples,
    ]);
  });
});
