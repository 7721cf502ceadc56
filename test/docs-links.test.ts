import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

/**
 * Every document a user is sent to exists: a `docs/…` path named in help text, the README, a doc
 * or an example file, and every relative Markdown link. A help line pointing at a file that was
 * never written is the kind of silent gap a reader only finds when they need it.
 */

const SOURCES = ['README.md', 'docs/**/*.{md,yaml,yml}', 'src/cli/**/*.ts'];
/** `docs/x.md`, `docs/examples/a/b.yaml` — a path from the project root, as help and comments write it. */
const DOCS_PATH = /(?<![\w/.-])docs\/[\w./-]*[\w-]\.(?:md|ya?ml|json)\b/g;
/** `[text](target)` with a relative target (no scheme, no pure anchor). */
const MARKDOWN_LINK = /\]\((?!https?:|mailto:|#)([^)\s]+)\)/g;

function references(): { from: string; target: string; resolved: string }[] {
  const found: { from: string; target: string; resolved: string }[] = [];
  for (const file of fg.sync(SOURCES, { cwd: ROOT })) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(DOCS_PATH)) found.push({ from: file, target: match[0], resolved: join(ROOT, match[0]) });
    if (file.endsWith('.md')) {
      for (const match of text.matchAll(MARKDOWN_LINK)) {
        const target = match[1]!.split('#')[0]!;
        if (target) found.push({ from: file, target, resolved: join(ROOT, dirname(file), target) });
      }
    }
  }
  return found;
}

describe('documentation references', () => {
  it('finds the references it is meant to check (the README links docs/sharding.md)', () => {
    expect(references().some((r) => r.from === 'README.md' && r.target === 'docs/sharding.md')).toBe(true);
  });

  it('every referenced document exists', () => {
    const missing = references()
      .filter((r) => !existsSync(r.resolved))
      .map((r) => `${r.from} → ${r.target} (${relative(ROOT, r.resolved)})`);
    expect(missing).toEqual([]);
  });
});
