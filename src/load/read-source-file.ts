import { open } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LoadCode } from './load-code.js';
import { MAX_SOURCE_BYTES } from './max-source-bytes.js';

export type ReadSource = { ok: true; bytes: Uint8Array } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads a source file, refusing one past MAX_SOURCE_BYTES from its size alone (fstat on the
 * open handle) so a huge file costs neither time nor memory.
 */
export async function readSourceFile(file: string): Promise<ReadSource> {
  const fail = (code: string, message: string, hint?: string): ReadSource => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', message, file, line: 1, col: 1, path: '', ...(hint ? { hint } : {}) }],
  });
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(LoadCode.NOT_FOUND, '文件或文件夹不存在', '检查路径拼写');
    return fail(LoadCode.READ, `无法读取文件（${code ?? String(error)}）`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail(LoadCode.READ, '不是普通文件');
    if (info.size > MAX_SOURCE_BYTES) {
      return fail(LoadCode.FILE_TOO_LARGE, `文件过大（${info.size} 字节，上限 ${MAX_SOURCE_BYTES} 字节）`, '一个文件只放一张表');
    }
    // One spare byte tells a file that grew since fstat from one that did not.
    const buffer = new Uint8Array(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return fail(LoadCode.READ, '文件在读取时被修改', '稍后重试');
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return fail(LoadCode.READ, `无法读取文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  } finally {
    await handle.close();
  }
}
