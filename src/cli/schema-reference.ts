import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { projectRoot } from '../build/project/find-project-config.js';
import { findSchemaFile, SCHEMA_FILE_NAME } from '../import/find-schema-file.js';

/** The folder `ziping init` puts forms in, which its `.vscode/settings.json` maps the schema onto. */
export const DATA_FOLDER = 'data';
export const EDITOR_SETTINGS_FILE = '.vscode/settings.json';

export interface SchemaReference {
  /** The form.schema.json YAML written into `folder` should name, if any. */
  schemaPath?: string;
  /** True when that file does not exist yet and the caller writes it with the forms. */
  mustWrite: boolean;
}

/**
 * What new YAML in `folder` should say about its schema, so an editor checks it wherever the
 * folder is: nothing under a project's `data/` when the project's editor settings map the
 * schema onto it (a modeline would break when a form is copied to another depth); else the
 * nearest form.schema.json up to the project root; else one written beside the forms.
 */
export function schemaReferenceFor(folder: string): SchemaReference {
  const absolute = resolve(folder);
  if (mappedByEditorSettings(absolute)) return { mustWrite: false };
  const found = findSchemaFile(absolute);
  if (found) return { schemaPath: found, mustWrite: false };
  const schemaPath = join(folder, SCHEMA_FILE_NAME);
  return { schemaPath, mustWrite: !existsSync(schemaPath) };
}

function mappedByEditorSettings(folder: string): boolean {
  const root = projectRoot(folder);
  const data = join(root, DATA_FOLDER);
  if (folder !== data && !folder.startsWith(data + sep)) return false;
  try {
    const settings = readFileSync(join(root, EDITOR_SETTINGS_FILE), 'utf8');
    return settings.includes(`"./${SCHEMA_FILE_NAME}"`) && existsSync(join(root, SCHEMA_FILE_NAME));
  } catch {
    return false;
  }
}

/** The `$schema=` text for a YAML file in `folder`: the schema's path relative to it, with `/`. */
export function schemaRefFrom(folder: string, schemaPath: string): string {
  return relative(resolve(folder), resolve(schemaPath)).split(sep).join('/');
}
