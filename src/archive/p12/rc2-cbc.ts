/**
 * RC2 (RFC 2268) in CBC mode, decryption only: what `openssl pkcs12 -legacy`, older Windows
 * exports and many CA-issued PFX files use for the certificate bag (pbeWithSHAAnd40BitRC2-CBC).
 * Node's OpenSSL 3 build has no legacy provider, so node:crypto cannot do it.
 */

// RFC 2268 §2: the key-expansion permutation, "based on the digits of π".
const PITABLE = Uint8Array.from(Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32' +
  'bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
  '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a' +
  '961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
  '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2e' +
  'c5f3db47e5a59c770aa62068fe7fc1ad', 'hex'));

/** The 64 round-key words for `key` with `effectiveBits` effective key bits (§2). */
function expandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = key.length; i < 128; i += 1) l[i] = PITABLE[(l[i - 1] + l[i - key.length]) & 0xff];
  const t8 = (effectiveBits + 7) >> 3;
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[l[128 - t8] & tm];
  for (let i = 127 - t8; i >= 0; i -= 1) l[i] = PITABLE[l[i + 1] ^ l[i + t8]];
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i += 1) k[i] = l[2 * i] | (l[2 * i + 1] << 8);
  return k;
}

const ROTATIONS = [1, 2, 3, 5];

/** Decrypts one 8-byte block in place (§4: the mixing and mashing rounds undone in reverse). */
function decryptBlock(k: Uint16Array, block: Uint8Array): void {
  const r = [0, 1, 2, 3].map((i) => block[2 * i] | (block[2 * i + 1] << 8));
  let j = 63;
  const unmix = () => {
    for (let i = 3; i >= 0; i -= 1) {
      const s = ROTATIONS[i];
      r[i] = ((r[i] >>> s) | (r[i] << (16 - s))) & 0xffff;
      r[i] = (r[i] - k[j] - (r[(i + 3) & 3] & r[(i + 2) & 3]) - (~r[(i + 3) & 3] & r[(i + 1) & 3])) & 0xffff;
      j -= 1;
    }
  };
  const unmash = () => {
    for (let i = 3; i >= 0; i -= 1) r[i] = (r[i] - k[r[(i + 3) & 3] & 63]) & 0xffff;
  };
  for (const [rounds, mash] of [[5, true], [6, true], [5, false]] as const) {
    for (let n = 0; n < rounds; n += 1) unmix();
    if (mash) unmash();
  }
  r.forEach((word, i) => {
    block[2 * i] = word & 0xff;
    block[2 * i + 1] = word >> 8;
  });
}

/** RC2-CBC decryption of `data` without touching the padding. */
export function rc2CbcDecryptRaw(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length % 8 !== 0 || iv.length !== 8) throw new Error('RC2-CBC: data and IV must be whole 8-byte blocks');
  const k = expandKey(key, effectiveBits);
  const out = new Uint8Array(data);
  let previous = iv;
  for (let offset = 0; offset < out.length; offset += 8) {
    const cipherBlock = data.subarray(offset, offset + 8);
    const block = out.subarray(offset, offset + 8);
    decryptBlock(k, block);
    for (let i = 0; i < 8; i += 1) block[i] ^= previous[i];
    previous = cipherBlock;
  }
  return out;
}

/** RC2-CBC decryption with PKCS #7 padding removed; undefined when the padding is wrong (a wrong key). */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Buffer | undefined {
  if (data.length === 0 || data.length % 8 !== 0) return undefined;
  const plain = rc2CbcDecryptRaw(key, effectiveBits, iv, data);
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 8 || plain.subarray(plain.length - pad).some((b) => b !== pad)) return undefined;
  return Buffer.from(plain.subarray(0, plain.length - pad));
}
