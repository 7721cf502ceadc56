import { createHmac, createPrivateKey, createPublicKey, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AuthenticatedSafe, CertBag, EncryptedData, KeyBag, PFX, PKCS8ShroudedKeyBag, SafeContents } from 'pkijs';
import { ArchiveError } from '../archive-error.js';
import { hashNameOf, Oid } from '../object-identifiers.js';
import { decryptPbe } from './decrypt-pbe.js';
import { pkcs12KeyDerivation, pkcs12Password } from './pkcs12-key-derivation.js';

export interface P12Contents {
  privateKey: KeyObject;
  /** DER of the certificate whose public key matches the private key. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (CA chain), in file order. */
  chain: Uint8Array[];
}

/** The bytes of an OCTET STRING, also when BER split it into a constructed string. */
function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.valueBlock.isConstructed) return value.valueBlock.valueHexView;
  return Buffer.concat((value.valueBlock.value as asn1js.OctetString[]).map(octets));
}

function invalid(detail: string): ArchiveError {
  return new ArchiveError('E_P12_INVALID', `P12 文件无法解析（${detail}）`);
}

function checkMac(pfx: PFX, authSafe: Uint8Array, password: string): void {
  const macData = pfx.macData;
  if (!macData) return;
  const hash = hashNameOf[macData.mac.digestAlgorithm.algorithmId];
  if (!hash) throw invalid(`未知的 MAC 算法 ${macData.mac.digestAlgorithm.algorithmId}`);
  const expected = Buffer.from(macData.mac.digest.valueBlock.valueHexView);
  const salt = macData.macSalt.valueBlock.valueHexView;
  const iterations = macData.iterations ?? 1;
  // An empty password is written by some tools as no bytes at all, by others as the terminator only.
  const candidates = password === '' ? [pkcs12Password(''), Buffer.alloc(0)] : [pkcs12Password(password)];
  for (const candidate of candidates) {
    const key = pkcs12KeyDerivation(hash, candidate, salt, iterations, 3, expected.length);
    const actual = createHmac(hash, key).update(authSafe).digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return;
  }
  throw new ArchiveError('E_P12_PASSWORD', 'P12 密码错误（完整性校验失败）');
}

function parse<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw invalid(what);
  }
}

/**
 * Opens a PKCS #12 file with node:crypto and pkijs's ASN.1 classes (synchronously, no
 * WebCrypto). The names inside the certificates are kept as their original DER bytes.
 */
export function readP12(bytes: Uint8Array, password: string): P12Contents {
  const pfx = parse('不是 PKCS #12 格式', () => PFX.fromBER(new Uint8Array(bytes)));
  if (pfx.authSafe.contentType !== Oid.data) throw invalid('不支持公钥保护的 P12');
  const authSafeBytes = parse('内容损坏', () => octets(pfx.authSafe.content as asn1js.OctetString));
  checkMac(pfx, authSafeBytes, password);

  const keys: KeyObject[] = [];
  const certificates: Uint8Array[] = [];
  const safe = parse('内容损坏', () => AuthenticatedSafe.fromBER(new Uint8Array(authSafeBytes)));
  for (const info of safe.safeContents) {
    let contents: Uint8Array;
    if (info.contentType === Oid.data) {
      contents = parse('内容损坏', () => octets(info.content as asn1js.OctetString));
    } else if (info.contentType === Oid.encryptedData) {
      const encrypted = parse('内容损坏', () => new EncryptedData({ schema: info.content }).encryptedContentInfo);
      if (!encrypted.encryptedContent) continue;
      contents = decryptPbe(encrypted.contentEncryptionAlgorithm, octets(encrypted.encryptedContent), password);
    } else {
      throw invalid(`不支持的内容类型 ${info.contentType}`);
    }
    const bags = parse('证书或私钥损坏', () => SafeContents.fromBER(new Uint8Array(contents)).safeBags);
    for (const bag of bags) {
      if (bag.bagId === Oid.pkcs8ShroudedKeyBag) {
        const shrouded = bag.bagValue as PKCS8ShroudedKeyBag;
        const plain = decryptPbe(shrouded.encryptionAlgorithm, octets(shrouded.encryptedData), password);
        keys.push(parse('私钥损坏', () => createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' })));
      } else if (bag.bagId === Oid.keyBag) {
        const der = Buffer.from((bag.bagValue as KeyBag).toSchema().toBER());
        keys.push(parse('私钥损坏', () => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })));
      } else if (bag.bagId === Oid.certBag) {
        const certBag = bag.bagValue as CertBag;
        if (certBag.certId !== Oid.x509Certificate) continue;
        const value = certBag.certValue as unknown as asn1js.OctetString;
        certificates.push(parse('证书损坏', () => new Uint8Array(octets(value))));
      }
    }
  }
  if (keys.length === 0) throw new ArchiveError('E_P12_NO_KEY', 'P12 文件中没有私钥');
  const privateKey = keys[0];
  const publicKey = (der: Uint8Array) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  const ownPublicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const own = certificates.findIndex((der) => parse('证书损坏', () => publicKey(der).equals(ownPublicKey)));
  if (own < 0) throw new ArchiveError('E_P12_NO_CERTIFICATE', 'P12 文件中没有与私钥匹配的证书');
  return { privateKey, certificate: certificates[own], chain: certificates.filter((_, i) => i !== own) };
}
