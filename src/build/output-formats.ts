import type { OutputFormat } from './form-renderer.js';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx'];

/** `pdf`, `docx`, `pdf,docx` (any case, any order, spaces allowed) → the formats; null when malformed. */
export function parseOutputFormats(text: string): OutputFormat[] | null {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (formats.length === 0 || formats.some((f) => !(OUTPUT_FORMATS as string[]).includes(f))) return null;
  return [...new Set(formats)] as OutputFormat[];
}
