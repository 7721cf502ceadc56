import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplateSet, type CompiledTemplate } from '../layout/index.js';

/** `<package>/templates/pack`: kept out of the form templates folder so the form builds' inputs hash never depends on them. */
export const BUILT_IN_PACK_TEMPLATES = fileURLToPath(new URL('../../templates/pack', import.meta.url));

export interface PackTemplates {
  cover: CompiledTemplate;
  contents: CompiledTemplate;
  /** The template texts, for the pack inputs hash. */
  sources: Record<string, string>;
}

/** The cover and contents templates: `<templatesDir>/pack/<name>.hbs` when a user folder has one, else the built-in one. */
export function loadPackTemplates(templatesDir?: string): PackTemplates {
  const read = (name: string) => {
    const own = templatesDir ? join(templatesDir, 'pack', `${name}.hbs`) : '';
    return readFileSync(own && existsSync(own) ? own : join(BUILT_IN_PACK_TEMPLATES, `${name}.hbs`), 'utf8');
  };
  const sources = { cover: read('cover'), contents: read('contents') };
  const set = compileTemplateSet({ templates: sources, partials: {} });
  return { cover: set.get('cover')!, contents: set.get('contents')!, sources };
}
