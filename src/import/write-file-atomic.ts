import { randomBytes } from 'node:crypto';
import { link, rename, unlink, writeFile } from 'node:fs/promises';

/**
 * Writes `text` to `target` via a temporary file in the same folder, so a reader never sees
 * half a file. Without `overwrite` the temporary file is hard-linked into place, which fails
 * with EEXIST if `target` appeared meanwhile (no check-then-write race); file systems without
 * hard links fall back to a rename after the caller's existence check.
 * Returns false when `target` exists and `overwrite` is off.
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array, overwrite: boolean): Promise<boolean> {
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    if (overwrite) {
      await rename(temporary, target);
      return true;
    }
    try {
      await link(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await rename(temporary, target);
    }
    return true;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
