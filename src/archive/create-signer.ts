import { sign as signWithKey } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, Certificate } from 'pkijs';
import { ArchiveError } from './archive-error.js';
import { prepareCms, type CmsSigningKey } from './cms/build-cms.js';
import { certificateSummary, certificateValidityAt, type CertificateSummary } from './cms/certificate-summary.js';
import { Oid } from './object-identifiers.js';
import { readP12 } from './p12/read-p12.js';

export interface Signer {
  /** The signing certificate, as `verify` shows it and the manifest records it. */
  readonly certificate: CertificateSummary;
  /** An upper bound of the CMS size in bytes, for the placeholder in the PDF. */
  readonly maxCmsLength: number;
  /** A detached PAdES B-B CMS for content whose SHA-256 is `digest`. */
  signDigest(digest: Uint8Array): Uint8Array;
  /** Set when the certificate is not valid at the signing time and `allowExpired` let it sign. */
  readonly validityWarning?: string;
}

export interface SignerOptions {
  /** The signing time written into /M (the certificate must be valid then). */
  at: Date;
  /** Sign with a certificate that has expired or is not yet valid at `at` (a warning instead of a refusal). */
  allowExpired?: boolean;
}

/** ECDSA signatures vary by a few bytes in DER; RSA ones not at all. */
const SIGNATURE_SLACK = 16;

/**
 * Unlocks a P12 once (the costly part: its KDFs) and returns a signer for any number of
 * documents. The password is used here only and never kept or shown.
 */
export function createSigner(p12Bytes: Uint8Array, password: string, options: SignerOptions): Signer {
  const { privateKey, certificate, chain } = readP12(p12Bytes, password);
  const summary = certificateSummary(certificate);
  const validity = certificateValidityAt(summary, options.at);
  if (validity && !options.allowExpired) {
    throw new ArchiveError(`E_CERT_${validity.code}`, `${validity.message}；确需签名请加 --allow-expired`);
  }
  const keyType = privateKey.asymmetricKeyType;
  let signatureAlgorithm: AlgorithmIdentifier;
  if (keyType === 'rsa') {
    signatureAlgorithm = new AlgorithmIdentifier({ algorithmId: Oid.rsaEncryption, algorithmParams: new asn1js.Null() });
  } else if (keyType === 'ec') {
    signatureAlgorithm = new AlgorithmIdentifier({ algorithmId: Oid.ecdsaWithSha256 });
  } else {
    // Ed25519/Ed448 are not in PAdES's algorithm list (ETSI TS 119 312) and pdfsig rejects them.
    throw new ArchiveError('E_P12_KEY_TYPE', `不支持的私钥类型（${keyType}）；请使用 RSA 或 ECDSA 证书`);
  }
  const key: CmsSigningKey = {
    certificateDer: certificate,
    certificate: Certificate.fromBER(new Uint8Array(certificate)),
    chainDer: chain,
    signatureAlgorithm,
    sign: (data) => signWithKey('sha256', data, privateKey),
  };
  const buildCms = prepareCms(key);
  const maxCmsLength = buildCms(new Uint8Array(32)).length + SIGNATURE_SLACK;
  return { certificate: summary, maxCmsLength, signDigest: buildCms, validityWarning: validity?.message };
}
