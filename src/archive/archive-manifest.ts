import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { ArchiveError } from './archive-error.js';
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

export interface ManifestWriter {
  append(entry: ManifestEntry): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the folder's manifest for appending — before anything is signed, so a manifest that
 * cannot be written leaves no signed file without its record.
 */
export async function openManifest(folder: string): Promise<ManifestWriter> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a manifest that is a symlink would make signing append to wherever it points.
    handle = await open(join(folder, MANIFEST_NAME), constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new ArchiveError('E_MANIFEST_SYMLINK', `归档清单 ${MANIFEST_NAME} 是符号链接，拒绝写入（请换成普通文件）`);
    }
    throw new ArchiveError('E_MANIFEST_WRITE', `归档清单 ${MANIFEST_NAME} 无法写入：${(error as Error).message}`);
  }
  return {
    async append(entry) {
      // A manifest edited by hand may lack its final newline: start a new line rather than glue two records.
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
      // One write of one line with O_APPEND: concurrent signers never interleave within a line.
      await handle.write(`${lead}${JSON.stringify(entry)}\n`);
    },
    close: () => handle.close(),
  };
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
