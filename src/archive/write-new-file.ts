import { link, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `bytes` under the first of `names(1)`, `names(2)`, … that does not exist yet, and
 * returns that name. Atomic and never overwriting: the bytes go to a temp file, which is then
 * hard-linked to the name (link fails when the name exists, even if another process just took it).
 */
export async function writeNewFile(names: (n: number) => string, bytes: Uint8Array): Promise<string> {
  const first = names(1);
  const temp = join(dirname(first), `.${basename(first)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    for (let n = 1; n < 10_000; n += 1) {
      const name = names(n);
      try {
        await link(temp, name).catch(async (error: NodeJS.ErrnoException) => {
          // File systems without hard links (FAT, some shares): exclusive create, still never overwriting.
          if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'EXDEV') await writeFile(name, bytes, { flag: 'wx' });
          else throw error;
        });
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`no free name for ${first}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
