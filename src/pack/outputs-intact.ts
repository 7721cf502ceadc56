import { stat } from 'node:fs/promises';
import type { PackManifestEntry } from './pack-manifest.js';

/** Every recorded output is still there at its recorded size (as the build checks its own). */
export async function outputsIntact(entry: PackManifestEntry): Promise<boolean> {
  for (const output of entry.outputs) {
    const info = await stat(output.file).catch(() => null);
    if (!info || info.size !== output.size) return false;
  }
  return entry.outputs.length > 0;
}
