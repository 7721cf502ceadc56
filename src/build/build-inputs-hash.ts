import { readFileSync, statSync } from 'node:fs';
import type { FontSet } from '../render/fonts/font-set.js';
import type { TemplateSources } from '../layout/template-set.js';
import type { BuildSettings } from './build-job.js';
import { hashBytes } from './hash-bytes.js';

/**
 * Everything besides the source that an output depends on: tool version, templates, fonts
 * config and font files (by size and mtime: hashing 30 MB of fonts per run would cost more
 * than it saves), formats and options, and the fixed date when SOURCE_DATE_EPOCH is set.
 */
export function buildInputsHash(tool: string, settings: BuildSettings, templates: TemplateSources, fonts: FontSet, fixedDate: boolean): string {
  const fontFiles = fonts.faces().map((face) => {
    const info = statSync(face.file);
    return `${face.file}:${info.size}:${info.mtimeMs}`;
  });
  return hashBytes(
    tool,
    JSON.stringify(templates),
    readFileSync(fonts.configFile),
    fontFiles.join('\n'),
    JSON.stringify({ formats: settings.formats, docxFonts: settings.docxFonts, pdfa: settings.pdfa, date: fixedDate ? settings.date : null }),
  );
}
