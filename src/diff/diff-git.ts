import { stat } from 'node:fs/promises';
import { builtInFormats, type FormatRegistry } from '../load/format/format-registry.js';
import { diffVersions } from './diff-versions.js';
import type { TreeDiff } from './form-comparison.js';
import { readFolderVersions } from './read-folder-versions.js';
import { readGitVersions } from './read-git-versions.js';

/**
 * `ziping diff --git REV [paths…]`: the forms under `paths` as committed at `rev` against
 * the working tree, paired as two folders are (by year + 项目编码, then by path in the repository).
 */
export async function diffGit(rev: string, paths: readonly string[], formats: FormatRegistry = builtInFormats()): Promise<TreeDiff> {
  const { root, versions: olds } = await readGitVersions(rev, paths, process.cwd(), formats);
  // A path deleted since `rev` is a removed form, not a file that fails to load.
  const present = [];
  for (const given of paths) if (await stat(given).catch(() => null)) present.push(given);
  const news = await readFolderVersions(present, root, formats);
  return diffVersions(olds, news);
}
