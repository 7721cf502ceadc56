/**
 * Minimal DER assembly: a tag, a definite length, the contents. Used to splice parts that are
 * encoded once per signer (certificates, names) into each signature without re-encoding them
 * (re-encoding a certificate through pkijs costs ~4 ms).
 */
export function der(tag: number, ...contents: Uint8Array[]): Buffer {
  const length = contents.reduce((n, part) => n + part.length, 0);
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from(header), ...contents]);
}

/** DER tags used in CMS. */
export const Tag = {
  integer: 0x02,
  octetString: 0x04,
  sequence: 0x30,
  set: 0x31,
  /** [0], constructed (context-specific). */
  context0: 0xa0,
} as const;
