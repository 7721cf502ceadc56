import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF in content order (`pdftotext -raw`, poppler-utils), or undefined when
 * pdftotext is not installed. Node has no PDF text extraction of its own here (pdfjs is not a
 * dependency), and poppler is what the project's tests already use.
 */
export function pdfText(file: string): string | undefined {
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  if (result.status !== 0) throw new Error(`pdftotext: ${result.stderr.trim()}`);
  return result.stdout;
}
