import type { OutputFormat } from '../build/form-renderer.js';
import { parseOutputFormats } from '../build/output-formats.js';
import { loadProject, type Project } from '../build/project/load-project.js';
import { loadFontSet, type FontSet } from '../render/fonts/font-set.js';
import { UsageError } from './usage-error.js';

/** The option readers `build`, `check` and `pack` share, each turning bad input into a usage error. */

/** `pdf`, `docx` or `pdf,docx`; `source` names where the text came from in the message. */
export function parseFormats(text: string, source = '--format'): OutputFormat[] {
  const formats = parseOutputFormats(text);
  if (!formats) throw new UsageError(`${source} 只能是 pdf、docx 或 pdf,docx（收到 ${text}）`);
  return formats;
}

/**
 * The project the command runs in (the nearest ziping.config.json, see loadProject). A broken
 * config throws ProjectConfigError, which main prints located, as bad usage.
 */
export function currentProject(): Project {
  return loadProject();
}

export function fontSetOrUsage(configFile: string): FontSet {
  try {
    return loadFontSet(configFile);
  } catch (error) {
    throw new UsageError(`字体配置无法读取：${(error as Error).message}`);
  }
}
