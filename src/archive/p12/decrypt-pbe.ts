import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, PBES2Params, PBKDF2Params } from 'pkijs';
import { ArchiveError } from '../archive-error.js';
import { hashNameOf, Oid } from '../object-identifiers.js';
import { pkcs12KeyDerivation, pkcs12Password } from './pkcs12-key-derivation.js';
import { rc2CbcDecrypt } from './rc2-cbc.js';

const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [Oid.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16 },
  [Oid.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24 },
  [Oid.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
  [Oid.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24 },
};

function unsupported(what: string): ArchiveError {
  return new ArchiveError('E_P12_UNSUPPORTED', `P12 使用了不支持的加密算法（${what}）`);
}

// CBC padding that does not check out: with a MAC already verified (or no MAC at all) this means
// a wrong password for the bags, or a damaged file.
const wrongPassword = () => new ArchiveError('E_P12_PASSWORD', 'P12 密码错误，无法解密证书或私钥');

function decrypt(cipher: string, key: Buffer, iv: Uint8Array, data: Uint8Array): Buffer {
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw wrongPassword();
  }
}

/** PKCS #12 PBE (RFC 7292 appendix B and C): key and IV from the PKCS #12 KDF over the BMPString password. */
function pkcs12Pbe(algorithm: AlgorithmIdentifier, password: string, keyLength: number) {
  const [salt, iterations] = (algorithm.algorithmParams as asn1js.Sequence).valueBlock.value as [asn1js.OctetString, asn1js.Integer];
  const bmp = pkcs12Password(password);
  const saltBytes = salt.valueBlock.valueHexView;
  const count = iterations.valueBlock.valueDec;
  return { key: pkcs12KeyDerivation('sha1', bmp, saltBytes, count, 1, keyLength), iv: pkcs12KeyDerivation('sha1', bmp, saltBytes, count, 2, 8) };
}

const RC2_KEY_BITS: Record<string, number> = { [Oid.pbeWithSha1And40BitRc2Cbc]: 40, [Oid.pbeWithSha1And128BitRc2Cbc]: 128 };

/** PBES2 (RFC 8018, what OpenSSL 3 writes) and PKCS #12 PBE with 3DES or RC2 (-legacy, older Windows and CA files). */
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
    const { key, iv } = pkcs12Pbe(algorithm, password, 24);
    return decrypt('des-ede3-cbc', key, iv, data);
  }
  const rc2Bits = RC2_KEY_BITS[algorithm.algorithmId];
  if (rc2Bits !== undefined) {
    const { key, iv } = pkcs12Pbe(algorithm, password, rc2Bits / 8);
    const plain = rc2CbcDecrypt(key, rc2Bits, iv, data);
    if (!plain) throw wrongPassword();
    return plain;
  }
  throw unsupported(algorithm.algorithmId);
}
