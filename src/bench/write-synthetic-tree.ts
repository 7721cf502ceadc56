import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { seededRandom } from './seeded-random.js';
import { varyForm } from './vary-form.js';

/**
 * A seeded synthetic year-end tree under `dir`: `count` variations of the sample forms
 * (about 10% 部门整体), spread over departments of up to 30 forms each.
 */
export function writeSyntheticTree(dir: string, count: number, seed = 2023, sampleDir = 'data'): string[] {
  const random = seededRandom(seed);
  const samples = fg.sync(`${sampleDir}/**/*.yaml`).sort().map((file) => readFileSync(file, 'utf8'));
  const overall = samples.filter((text) => /^form:\s*部门整体/m.test(text));
  const projects = samples.filter((text) => /^form:\s*二级项目/m.test(text));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = random() < 0.1 ? overall : projects;
    const text = varyForm(pool[Math.floor(random() * pool.length)], i, random);
    const folder = join(dir, '2023', `dept-${String(Math.floor(i / 30)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `form-${String(i).padStart(5, '0')}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
