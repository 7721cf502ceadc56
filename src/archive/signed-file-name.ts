/** `x.signed.pdf`, `x.signed-2.pdf`, …: what `sign` writes; a folder's other PDFs are the originals. */
export const SIGNED_NAME = /\.signed(-\d+)?\.pdf$/i;

/** The n-th candidate name of a signed copy of `file` (n = 1, 2, …). */
export function signedFileName(file: string, n: number): string {
  const stem = file.replace(/\.pdf$/i, '');
  return n === 1 ? `${stem}.signed.pdf` : `${stem}.signed-${n}.pdf`;
}
