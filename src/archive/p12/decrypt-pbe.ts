import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, PBES2Params, PBKDF2Params } from 'pkijs';
import { ArchiveError } from '../archive-error.js';
import { hashNameOf, Oid } from '../object-identifiers.js';
import { pkcs12KeyDerivation, pkcs12Password } from './pkcs12-key-derivation.js';

const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [Oid.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16 },
  [Oid.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24 },
  [Oid.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
  [Oid.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24 },
};

function unsupported(what: string): ArchiveError {
  return new ArchiveError('E_P12_UNSUPPORTED', `P12 使用了不支持的加密算法（${what}）；请用 openssl pkcs12 -export 重新导出（默认 AES-256）`);
}

function decrypt(cipher: string, key: Buffer, iv: Uint8Array, data: Uint8Array): Buffer {
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    // CBC padding that does not check out: with a MAC already verified this means a wrong password
    // for a file whose MAC and bag passwords differ, or a damaged file.
    throw new ArchiveError('E_P12_PASSWORD', 'P12 密码错误，无法解密证书');
  }
}

/** PBES2 (RFC 8018, what OpenSSL 3 writes) and PKCS #12 PBE with 3DES (older CA files). */
export function decryptPbe(algorithm: AlgorithmIdentifier, data: Uint8Array, password: string): Buffer {
  if (algorithm.algorithmId === Oid.pbes2) {
    const params = new PBES2Params({ schema: algorithm.algorithmParams });
    if (params.keyDerivationFunc.algorithmId !== Oid.pbkdf2) throw unsupported(params.keyDerivationFunc.algorithmId);
    const kdf = new PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
    const cipher = CIPHERS[params.encryptionScheme.algorithmId];
    if (!cipher) throw unsupported(params.encryptionScheme.algorithmId);
    const prf = kdf.prf ? hashNameOf[kdf.prf.algorithmId] : 'sha1';
    if (!prf || !(kdf.salt instanceof asn1js.OctetString)) throw unsupported('PBKDF2');
    const salt = kdf.salt.valueBlock.valueHexView;
    // PBES2 takes the password as its UTF-8 bytes (unlike the PKCS #12 KDF).
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, kdf.iterationCount, kdf.keyLength ?? cipher.keyLength, prf);
    const iv = (params.encryptionScheme.algorithmParams as asn1js.OctetString).valueBlock.valueHexView;
    return decrypt(cipher.name, key, iv, data);
  }
  if (algorithm.algorithmId === Oid.pbeWithSha1And3KeyTripleDesCbc) {
    const [salt, iterations] = (algorithm.algorithmParams as asn1js.Sequence).valueBlock.value as [asn1js.OctetString, asn1js.Integer];
    const bmp = pkcs12Password(password);
    const saltBytes = salt.valueBlock.valueHexView;
    const count = iterations.valueBlock.valueDec;
    const key = pkcs12KeyDerivation('sha1', bmp, saltBytes, count, 1, 24);
    const iv = pkcs12KeyDerivation('sha1', bmp, saltBytes, count, 2, 8);
    return decrypt('des-ede3-cbc', key, iv, data);
  }
  if (algorithm.algorithmId === Oid.pbeWithSha1And40BitRc2Cbc) throw unsupported('RC2-40，旧式导出格式');
  throw unsupported(algorithm.algorithmId);
}
