import { resolve } from 'node:path';
import { defaultFontConfig } from '../default-font-config.js';
import type { Project } from './load-project.js';

/**
 * The settings `build`, `check` and `pack` take from the command line or else from the project:
 * a flag is a path as typed (relative to the working folder), a config value is relative to the
 * config's folder, and a default is the project's own (`data`, `out`, `fonts/fonts.json`).
 */
export function inputPaths(project: Project, given: readonly string[]): string[] {
  return given.length > 0 ? [...given] : [project.path('data')];
}

export function outputFolder(project: Project, flag: string | undefined): string {
  return flag ?? project.path(project.config.out ?? 'out');
}

/** An absolute templates folder, or undefined for the built-in templates. */
export function templatesFolder(project: Project, flag: string | undefined): string | undefined {
  if (flag) return resolve(flag);
  return project.config.templates ? resolve(project.root, project.config.templates) : undefined;
}

export function fontConfigFile(project: Project, flag: string | undefined): string {
  if (flag) return resolve(flag);
  return defaultFontConfig(project.config.fonts ? resolve(project.root, project.config.fonts) : undefined, project.root);
}

/** `formatFolders` as absolute folders: the project's own formats, besides the built-in ones. */
export function formatFolders(project: Project): string[] {
  return (project.config.formatFolders ?? []).map((folder) => resolve(project.root, folder));
}

/** `templateRoots` as absolute folders. */
export function templateRoots(project: Project): string[] {
  return (project.config.templateRoots ?? []).map((root) => resolve(project.root, root));
}
