import type { OutputFormat } from '../build/form-renderer.js';
import { readProjectConfig, type ProjectConfig } from '../build/project-config.js';
import { loadFontSet, type FontSet } from '../render/fonts/font-set.js';
import { UsageError } from './usage-error.js';

/** The option readers `build` and `pack` share, each turning bad input into a usage error. */

const FORMATS: OutputFormat[] = ['pdf', 'docx'];

/** `pdf`, `docx` or `pdf,docx`; `source` names where the text came from in the message. */
export function parseFormats(text: string, source = '--format'): OutputFormat[] {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`${source} 只能是 pdf、docx 或 pdf,docx（收到 ${text}）`);
  return [...new Set(formats)] as OutputFormat[];
}

export function projectConfigOrUsage(): ProjectConfig {
  try {
    return readProjectConfig();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function fontSetOrUsage(configFile: string): FontSet {
  try {
    return loadFontSet(configFile);
  } catch (error) {
    throw new UsageError(`字体配置无法读取：${(error as Error).message}`);
  }
}
