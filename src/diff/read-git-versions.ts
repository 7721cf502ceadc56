import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { loadFormSource } from '../load/index.js';
import { builtInFormats, type FormatRegistry } from '../load/format/format-registry.js';
import type { FormVersion } from './form-version.js';
import { DiffInputError } from './diff-input-error.js';
import { runGit } from './run-git.js';
import { versionFromLoad } from './version-from-load.js';

export interface GitVersions {
  /** The repository's top folder: version keys are relative to it. */
  root: string;
  versions: FormVersion[];
}

/**
 * The forms under `paths` (relative to `cwd`) as they were at revision `rev`, read from git's
 * object store without touching the working tree or writing temporary files: one `ls-tree`
 * lists them, one `cat-file --batch` reads them all.
 */
export async function readGitVersions(rev: string, paths: readonly string[], cwd: string, formats: FormatRegistry = builtInFormats()): Promise<GitVersions> {
  if (rev.startsWith('-')) throw new DiffInputError(`“${rev}”不是 git 版本`);
  const root = (await runGit(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  const here = await realpath(cwd);
  await runGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd).catch(() => {
    throw new DiffInputError(`git 中没有版本“${rev}”`);
  });
  const specs = paths.map((given) => {
    const relative = path.relative(root, path.resolve(here, given));
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new DiffInputError(`${given} 不在 git 仓库 ${root} 内`);
    return relative === '' ? '.' : relative.split(path.sep).join('/');
  });
  const listing = (await runGit(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...specs], cwd)).toString('utf8');
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const [meta, name] = entry.split('\t', 2);
      const [mode, type, object] = meta.split(' ');
      return { mode, type, object, name };
    })
    // Regular files only (no submodules, no symlinks); a path named outright counts whatever its extension.
    .filter((blob) => blob.type === 'blob' && blob.mode !== '120000' && (specs.includes(blob.name) || isFormSource(blob.name)));
  const contents = await readBlobs(blobs.map((blob) => blob.object), cwd);
  const versions = blobs.map((blob, index) => {
    const shown = path.relative(here, path.join(root, blob.name)).split(path.sep).join('/');
    const file = `${rev}:${shown}`;
    return versionFromLoad(file, blob.name, loadFormSource(file, contents[index], formats));
  });
  return { root, versions };
}

/** As discoverSources finds them in a folder: `*.yaml`/`*.yml`, not hidden, not in node_modules. */
function isFormSource(name: string): boolean {
  const parts = name.split('/');
  return /\.ya?ml$/.test(name) && !parts.some((part) => part.startsWith('.') || part === 'node_modules');
}

/** `git cat-file --batch` answers each object id with `<id> blob <size>\n<bytes>\n`. */
async function readBlobs(objects: readonly string[], cwd: string): Promise<Uint8Array[]> {
  if (objects.length === 0) return [];
  const output = await runGit(['cat-file', '--batch'], cwd, objects.map((object) => `${object}\n`).join(''));
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const object of objects) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (header[0] !== object || header[1] !== 'blob') throw new DiffInputError(`git cat-file 的输出无法识别（${object}）`);
    const size = Number(header[2]);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}
