import { stat } from 'node:fs/promises';
import { builtInFormats, type FormatRegistry } from '../load/format/format-registry.js';
import { compareVersions } from './compare-versions.js';
import { DiffInputError } from './diff-input-error.js';
import { diffVersions } from './diff-versions.js';
import type { TreeDiff } from './form-comparison.js';
import { readFolderVersions } from './read-folder-versions.js';

/**
 * `ziping diff OLD NEW`: two files are one form's two versions, whatever their codes; two
 * folders pair their forms by year + 项目编码, then by path within the folder. A missing
 * file is reported as that version's load error.
 */
export async function diffPaths(oldPath: string, newPath: string, formats: FormatRegistry = builtInFormats()): Promise<TreeDiff> {
  const [oldIsFolder, newIsFolder] = await Promise.all([isFolder(oldPath), isFolder(newPath)]);
  if (oldIsFolder !== newIsFolder) throw new DiffInputError(`${oldIsFolder ? oldPath : newPath} 是文件夹，另一个不是：请比较两个文件或两个文件夹`);
  if (oldIsFolder) {
    const [olds, news] = await Promise.all([readFolderVersions([oldPath], oldPath, formats), readFolderVersions([newPath], newPath, formats)]);
    return diffVersions(olds, news);
  }
  const [[oldVersion], [newVersion]] = await Promise.all([readFolderVersions([oldPath], oldPath, formats), readFolderVersions([newPath], newPath, formats)]);
  // Same key: two files named on the command line are one form, never a rename.
  return { forms: [compareVersions({ ...oldVersion, key: '' }, { ...newVersion, key: '' })] };
}

async function isFolder(given: string): Promise<boolean> {
  const info = await stat(given).catch(() => null);
  return info?.isDirectory() ?? false;
}
