import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { openManifest } from './archive-manifest.js';
import { ArchiveError } from './archive-error.js';
import { collectPdfFiles } from './collect-pdf-files.js';
import type { Signer } from './create-signer.js';
import { findEmbeddedFiles } from './pdf/find-embedded-source.js';
import { readPdfStructure } from './pdf/pdf-structure.js';
import { signPdf, type SignPdfOptions } from './pdf/sign-pdf.js';
import { signedFileName } from './signed-file-name.js';
import { writeNewFile } from './write-new-file.js';

export type SignOptions = SignPdfOptions;

export type SignedFile =
  | { file: string; ok: true; output: string; sha256: string }
  | { file: string; ok: false; error: { code: string; message: string } };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Signs one PDF into a new file beside it and records it in the folder's manifest. */
export async function signOnePdf(file: string, signer: Signer, signOptions: SignOptions): Promise<SignedFile> {
  // PDF dates have whole seconds: the manifest records the time exactly as /M holds it.
  const options = { ...signOptions, date: new Date(Math.floor(signOptions.date.getTime() / 1000) * 1000) };
  try {
    const original = new Uint8Array(await readFile(file));
    const structure = await readPdfStructure(original);
    const source = findEmbeddedFiles(structure.context).find((f) => f.relationship === 'Source');
    const signed = await signPdf(original, signer, options, structure);
    const manifest = await openManifest(dirname(file));
    try {
      const output = await writeNewFile((n) => signedFileName(file, n), signed);
      const hash = sha256(signed);
      await manifest.append({
        file: basename(output),
        sha256: hash,
        signer: signer.certificate.subject,
        serialNumber: signer.certificate.serialNumber,
        time: options.date.toISOString(),
        source: basename(file),
        sourceSha256: sha256(original),
        ...(source ? { formSource: { name: source.name, sha256: sha256(source.bytes) } } : {}),
      });
      return { file, ok: true, output, sha256: hash };
    } finally {
      await manifest.close();
    }
  } catch (error) {
    if (error instanceof ArchiveError) return { file, ok: false, error: { code: error.code, message: error.message } };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, ok: false, error: { code: 'E_FILE_NOT_FOUND', message: '文件不存在' } };
    return { file, ok: false, error: { code: 'E_SIGN_FAILED', message: `签名失败：${(error as Error).message}` } };
  }
}

/**
 * Signs every PDF under `paths` (folders: every PDF that is not itself a signed copy) with one
 * unlocked signer. Append-only: each result is a new `x.signed.pdf` / `x.signed-N.pdf`, the
 * original and earlier signed copies are never changed, and one manifest line is added per file.
 */
export async function signPdfs(paths: readonly string[], signer: Signer, options: SignOptions): Promise<SignedFile[]> {
  const results: SignedFile[] = [];
  for (const file of await collectPdfFiles(paths, 'unsigned')) results.push(await signOnePdf(file, signer, options));
  return results;
}
