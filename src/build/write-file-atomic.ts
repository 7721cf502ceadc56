import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes via a temp file in the same folder and a rename, so a reader (or a killed build)
 * never sees a half-written file: the path holds the old bytes or the new ones.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes several files (a form's PDF and DOCX) so that they are replaced together: every temp
 * file is written first, and only when all are complete are they renamed into place. A full
 * disk or a killed build before the renames leaves every old file as it was.
 */
export async function writeFilesTogether(files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { path, bytes } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      temps.push(temp);
      await writeFile(temp, bytes);
    }
  } catch (error) {
    await Promise.all(temps.map((temp) => unlink(temp).catch(() => undefined)));
    throw error;
  }
  // Renames within one folder do not allocate: past this point only a crash can separate them.
  for (const [index, { path }] of files.entries()) await rename(temps[index], path);
}
