import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { TemplateSources } from '../layout/template-set.js';
import { BUILT_IN_TEMPLATES } from '../load/built-in-templates.js';
import { FORMAT_FILE } from '../load/format/format-definition.js';
import { BUILT_IN_ROOT, builtInFormats, formatRegistry, type FormatRegistry } from '../load/format/format-registry.js';
import type { FormatRoot } from '../load/format/read-format-folders.js';

export { BUILT_IN_TEMPLATES };

/** The formats a command uses, and their templates ready to compile. */
export interface FormatSources {
  registry: FormatRegistry;
  templates: TemplateSources;
}

const loaded = new Map<string, FormatSources>();

/** Whether a folder holds format folders (the layout since formats became data) rather than `<表样>.hbs` files. */
function holdsFormats(dir: string): boolean {
  return existsSync(join(dir, FORMAT_FILE)) || readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, FORMAT_FILE)));
}

/**
 * The formats of a templates folder (default the package's; a folder of format folders replaces
 * it) plus those of the project's `formatFolders`, read once per process. A templates folder in
 * the older layout — `<表样>.hbs` and `partials/` — keeps working: its templates replace the
 * built-in formats' ones.
 */
export function loadFormats(templatesDir: string = BUILT_IN_TEMPLATES, formatFolders: readonly string[] = []): FormatSources {
  const key = JSON.stringify([resolve(templatesDir), ...formatFolders.map((dir) => resolve(dir))]);
  let sources = loaded.get(key);
  if (sources) return sources;
  const builtIn = resolve(templatesDir) === resolve(BUILT_IN_TEMPLATES);
  const legacy = !builtIn && existsSync(templatesDir) && !holdsFormats(templatesDir);
  const base: FormatRoot = builtIn || legacy ? BUILT_IN_ROOT : { dir: templatesDir, origin: templatesDir };
  const registry = base === BUILT_IN_ROOT && formatFolders.length === 0 ? builtInFormats() : formatRegistry([base, ...formatFolders.map((dir) => ({ dir, origin: dir }))]);
  const templates: TemplateSources = {
    templates: Object.fromEntries(registry.formats.map((format) => [format.name, format.template.text])),
    partials: registry.partials,
    scoped: Object.fromEntries(registry.formats.map((format) => [format.name, format.partials])),
    definitions: Object.fromEntries(registry.formats.map((format) => [format.name, format.definition])),
  };
  if (legacy) {
    const own = readHbs(templatesDir);
    const partials = { ...templates.partials, ...readHbs(join(templatesDir, 'partials')) };
    templates.partials = partials;
    for (const name of Object.keys(templates.templates)) {
      if (own[name] !== undefined) templates.templates[name] = own[name];
      templates.scoped![name] = { ...templates.scoped![name], ...partials };
    }
  }
  sources = { registry, templates };
  loaded.set(key, sources);
  return sources;
}

function readHbs(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.hbs'))
      .sort()
      .map((name) => [basename(name, '.hbs'), readFileSync(join(folder, name), 'utf8')]),
  );
}

/** The templates of a templates folder (see loadFormats). */
export function loadTemplateSources(dir: string = BUILT_IN_TEMPLATES): TemplateSources {
  return loadFormats(dir).templates;
}
