import { describe, expect, it } from 'vitest';
import { pkcs12KeyDerivation, pkcs12Password } from './pkcs12-key-derivation.js';

// Vectors used by BouncyCastle's and OpenSSL's PKCS #12 KDF tests (password "smeg").
describe('pkcs12KeyDerivation', () => {
  const password = pkcs12Password('smeg');
  const hex = (text: string) => Buffer.from(text, 'hex');

  it('derives a 3DES key and IV', () => {
    expect(pkcs12KeyDerivation('sha1', password, hex('0A58CF64530D823F'), 1, 1, 24).toString('hex').toUpperCase()).toBe('8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3');
    expect(pkcs12KeyDerivation('sha1', password, hex('0A58CF64530D823F'), 1, 2, 8).toString('hex').toUpperCase()).toBe('79993DFE048D3B76');
  });

  it('derives a MAC key', () => {
    expect(pkcs12KeyDerivation('sha1', password, hex('3D83C0E4546AC140'), 1, 3, 20).toString('hex').toUpperCase()).toBe('8D967D88F6CAA9D714800AB3D48051D63F73A312');
  });

  it('encodes the password as UTF-16BE with a terminator', () => {
    expect(pkcs12Password('口a').toString('hex')).toBe('53e300610000');
  });
});
