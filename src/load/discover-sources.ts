import { findFiles } from './find-files.js';

/**
 * Source files named by `paths`: a file as given (whatever its extension), every `*.yaml` /
 * `*.yml` below a folder. Sorted, deduplicated, relative to the working directory when under
 * it (`data/2023/x.yaml`); a path that does not exist is kept, so loading it reports it.
 */
export function discoverSources(paths: readonly string[]): Promise<string[]> {
  return findFiles(paths, ['**/*.yaml', '**/*.yml']);
}
