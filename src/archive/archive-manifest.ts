import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One line of the manifest: a signed file as it was written. */
export interface ManifestEntry {
  /** File name of the signed PDF, relative to the manifest's folder. */
  file: string;
  sha256: string;
  /** The signing certificate's subject and serial number. */
  signer: string;
  serialNumber: string;
  /** Signing time (ISO 8601), as in the signature's /M. */
  time: string;
  /** The PDF that was signed (file name) and its SHA-256. */
  source: string;
  sourceSha256: string;
  /** The form's YAML embedded in the PDF (PDF/A-3 associated file), when there is one. */
  formSource?: { name: string; sha256: string };
}

/** Append-only JSON Lines beside the signed files: one line per signed file, never rewritten. */
export const MANIFEST_NAME = 'archive-manifest.jsonl';

export async function appendManifestEntry(folder: string, entry: ManifestEntry): Promise<void> {
  // One write of one line with O_APPEND: concurrent signers never interleave within a line.
  await appendFile(join(folder, MANIFEST_NAME), `${JSON.stringify(entry)}\n`, { encoding: 'utf8', flag: 'a' });
}

/** The manifest's entries, or undefined when the folder has none. Lines that do not parse are reported. */
export async function readManifest(folder: string): Promise<{ entries: ManifestEntry[]; badLines: number[] } | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const entries: ManifestEntry[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const entry = JSON.parse(line) as ManifestEntry;
      if (typeof entry.file === 'string' && typeof entry.sha256 === 'string') entries.push(entry);
      else badLines.push(index + 1);
    } catch {
      badLines.push(index + 1);
    }
  });
  return { entries, badLines };
}
