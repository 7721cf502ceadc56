import { compareVersions } from './compare-versions.js';
import type { TreeDiff } from './form-comparison.js';
import type { FormVersion } from './form-version.js';

/**
 * Pairs two sets of versions and compares each pair. A form is the same form when its year
 * and 项目编码 match (so a renamed or moved file is not "removed + added"); versions left
 * over (no code on one side, a code given twice, a changed code) pair by relative path;
 * the rest were added or removed.
 */
export function diffVersions(olds: readonly FormVersion[], news: readonly FormVersion[]): TreeDiff {
  const pairs: [FormVersion | undefined, FormVersion | undefined][] = [];
  const oldByCode = uniqueBy(olds, codeKey);
  const newByCode = uniqueBy(news, codeKey);
  const pairedOld = new Set<FormVersion>();
  const pairedNew = new Set<FormVersion>();
  const pair = (a: FormVersion, b: FormVersion) => {
    pairs.push([a, b]);
    pairedOld.add(a);
    pairedNew.add(b);
  };
  for (const [code, oldVersion] of oldByCode) {
    const newVersion = newByCode.get(code);
    if (newVersion !== undefined) pair(oldVersion, newVersion);
  }
  const newByKey = new Map(news.filter((v) => !pairedNew.has(v)).map((v) => [v.key, v]));
  for (const oldVersion of olds) {
    if (pairedOld.has(oldVersion)) continue;
    const newVersion = newByKey.get(oldVersion.key);
    if (newVersion !== undefined && !pairedNew.has(newVersion)) pair(oldVersion, newVersion);
  }
  for (const oldVersion of olds) if (!pairedOld.has(oldVersion)) pairs.push([oldVersion, undefined]);
  for (const newVersion of news) if (!pairedNew.has(newVersion)) pairs.push([undefined, newVersion]);
  // In the trees' own order (path within the folder), so a removed form sits among the others.
  const keyOf = ([a, b]: (typeof pairs)[number]) => (b ?? a)!.key;
  pairs.sort((x, y) => compareText(keyOf(x), keyOf(y)) || compareText(x[0]?.key ?? '', y[0]?.key ?? ''));
  return { forms: pairs.map(([a, b]) => compareVersions(a, b)) };
}

function codeKey(version: FormVersion): string | undefined {
  const form = version.side?.form;
  return form === undefined ? undefined : `${form.year}\u0000${form.project.code}`;
}

/** Versions by key, leaving out keys that more than one version has (they cannot pair by it). */
function uniqueBy(versions: readonly FormVersion[], keyOf: (v: FormVersion) => string | undefined): Map<string, FormVersion> {
  const found = new Map<string, FormVersion | null>();
  for (const version of versions) {
    const key = keyOf(version);
    if (key !== undefined) found.set(key, found.has(key) ? null : version);
  }
  return new Map([...found].filter((entry): entry is [string, FormVersion] => entry[1] !== null));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
