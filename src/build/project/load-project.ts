import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { findProjectConfig } from './find-project-config.js';
import type { ProjectConfig } from './project-config.js';
import { readProjectConfig } from './read-project-config.js';

/** The project a command runs in: its folder, its config, and the config's paths made usable. */
export interface Project {
  /** The folder of the config file; the working folder when there is none. */
  root: string;
  /** The config file found, if any. */
  configFile?: string;
  config: ProjectConfig;
  /** A path relative to the project folder, as the working folder reaches it (`../../out`). */
  path(fromRoot: string): string;
}

/**
 * Finds and reads the project's config (see findProjectConfig). Paths written in it are relative
 * to its folder, wherever the command runs; they come back relative to the working folder, so
 * messages and outputs name them as the user would type them. Throws ProjectConfigError.
 */
export function loadProject(cwd: string = process.cwd()): Project {
  const configFile = findProjectConfig(cwd);
  const root = configFile ? dirname(configFile) : resolve(cwd);
  const config = configFile ? readProjectConfig(configFile) : {};
  const path = (fromRoot: string) => {
    const absolute = resolve(root, fromRoot);
    const shown = relative(cwd, absolute);
    return shown === '' ? '.' : isAbsolute(shown) ? absolute : shown;
  };
  return { root, ...(configFile ? { configFile } : {}), config, path };
}
