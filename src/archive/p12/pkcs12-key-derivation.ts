import { createHash } from 'node:crypto';

/** Purpose byte of RFC 7292 appendix B.3: 1 key, 2 IV, 3 MAC key. */
export type Pkcs12KeyPurpose = 1 | 2 | 3;

/** The password as PKCS #12 wants it for its own KDF: UTF-16BE with a two-byte terminator. */
export function pkcs12Password(password: string): Buffer {
  const bytes = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i += 1) bytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  return bytes;
}

/**
 * RFC 7292 appendix B.2. Still used for the MAC of every P12 and for the legacy 3DES bags
 * that many CA-issued files carry; node:crypto has no implementation of it.
 */
export function pkcs12KeyDerivation(
  hash: string,
  password: Buffer,
  salt: Uint8Array,
  iterations: number,
  purpose: Pkcs12KeyPurpose,
  length: number,
): Buffer {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const fill = (source: Uint8Array): Buffer => {
    const out = Buffer.alloc(source.length === 0 ? 0 : v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i += 1) out[i] = source[i % source.length];
    return out;
  };
  const d = Buffer.alloc(v, purpose);
  const input = Buffer.concat([fill(salt), fill(password)]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let a = createHash(hash).update(d).update(input).digest();
    for (let r = 1; r < iterations; r += 1) a = createHash(hash).update(a).digest();
    blocks.push(a);
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
    const b = fill(a.subarray(0, u));
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k -= 1) {
        const sum = input[j + k] + b[k] + carry;
        input[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}
