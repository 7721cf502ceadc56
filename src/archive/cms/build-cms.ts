import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, Attribute, Certificate, IssuerAndSerialNumber } from 'pkijs';
import { Oid } from '../object-identifiers.js';
import { der, Tag } from './der.js';
import { signingCertificateV2 } from './signing-certificate-v2.js';

export interface CmsSigningKey {
  certificateDer: Uint8Array;
  certificate: Certificate;
  /** DER of the other certificates to include (CA chain). */
  chainDer: Uint8Array[];
  /** OID and parameters of the signature algorithm, as written in the SignerInfo. */
  signatureAlgorithm: AlgorithmIdentifier;
  /** Signs the DER of the signed attributes (SHA-256 + the key's scheme). */
  sign(data: Uint8Array): Uint8Array;
}

const encode = (value: { toSchema(): { toBER(): ArrayBuffer } }) => Buffer.from(value.toSchema().toBER());

/**
 * Prepares detached CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1 §6.3): content
 * type id-data without content, SHA-256, signed attributes content-type, message-digest and
 * signing-certificate-v2, and no signing-time (the time goes into the PDF's /M). Everything but
 * the message digest and the signature is encoded once here, with pkijs/asn1js, keeping the
 * certificates' and names' original bytes (UTF-8 names stay as issued).
 */
export function prepareCms(key: CmsSigningKey): (digest: Uint8Array) => Uint8Array {
  const sha256 = encode(new AlgorithmIdentifier({ algorithmId: Oid.sha256 }));
  const contentType = encode(new Attribute({ type: Oid.contentType, values: [new asn1js.ObjectIdentifier({ value: Oid.data })] }));
  const signingCertificate = encode(signingCertificateV2(key.certificateDer, key.certificate));
  const sid = encode(new IssuerAndSerialNumber({ issuer: key.certificate.issuer, serialNumber: key.certificate.serialNumber }));
  const signatureAlgorithm = encode(key.signatureAlgorithm);
  const version = der(Tag.integer, Buffer.from([1]));
  const encapContentInfo = der(Tag.sequence, Buffer.from(new asn1js.ObjectIdentifier({ value: Oid.data }).toBER()));
  const certificates = der(Tag.context0, key.certificateDer, ...key.chainDer);
  const signedDataHead = [version, der(Tag.set, sha256), encapContentInfo, certificates];
  const contentInfoType = Buffer.from(new asn1js.ObjectIdentifier({ value: Oid.signedData }).toBER());

  return (digest) => {
    const messageDigest = encode(new Attribute({ type: Oid.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }));
    // DER orders a SET OF by the encodings of its elements (X.690 §11.6).
    const attributes = [contentType, messageDigest, signingCertificate].sort(Buffer.compare);
    // The signature covers the attributes encoded as a SET (tag 0x31); the SignerInfo holds them as [0].
    const signature = key.sign(der(Tag.set, ...attributes));
    const signerInfo = der(Tag.sequence, version, sid, sha256, der(Tag.context0, ...attributes), signatureAlgorithm, der(Tag.octetString, signature));
    const signedData = der(Tag.sequence, ...signedDataHead, der(Tag.set, signerInfo));
    return new Uint8Array(der(Tag.sequence, contentInfoType, der(Tag.context0, signedData)));
  };
}
