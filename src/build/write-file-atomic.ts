import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes several files (a form's PDF and DOCX) so that they are replaced together: each goes to
 * a temp file in its own folder first, and only when all are complete are they renamed into
 * place. A reader, a full disk or a killed build before the renames sees every old file as it
 * was; renames within a folder do not allocate, so past that point only a crash separates them.
 */
export async function writeFilesTogether(files: { path: string; bytes: Uint8Array | string }[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { path, bytes } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      temps.push(temp);
      await writeFile(temp, bytes);
    }
    for (const [index, { path }] of files.entries()) await rename(temps[index], path);
  } catch (error) {
    await Promise.all(temps.map((temp) => unlink(temp).catch(() => undefined)));
    throw error;
  }
}

/** One file via a temp file and a rename: the path holds the old bytes or the new ones. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  return writeFilesTogether([{ path, bytes }]);
}
