import { X509Certificate } from 'node:crypto';

/** What `verify` shows of a certificate, and what the manifest records as the signer. */
export interface CertificateSummary {
  /** RFC 2253-like, one attribute per line joined with ', ' (UTF-8 names as text). */
  subject: string;
  issuer: string;
  /** Upper-case hex. */
  serialNumber: string;
  /** SHA-256 of the DER, upper-case hex with colons (as openssl prints it). */
  fingerprint256: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

export function certificateSummary(der: Uint8Array): CertificateSummary {
  const certificate = new X509Certificate(der);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    fingerprint256: certificate.fingerprint256,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    selfSigned: certificate.checkIssued(certificate),
  };
}

/** Whether the certificate was valid at `at`; a problem as a code and a Chinese sentence otherwise. */
export function certificateValidityAt(certificate: CertificateSummary, at: Date): { code: 'EXPIRED' | 'NOT_YET_VALID'; message: string } | undefined {
  const day = (iso: string) => iso.slice(0, 10);
  if (at.getTime() > Date.parse(certificate.validTo)) {
    return { code: 'EXPIRED', message: `证书已于 ${day(certificate.validTo)} 过期（签名时间 ${day(at.toISOString())}）` };
  }
  if (at.getTime() < Date.parse(certificate.validFrom)) {
    return { code: 'NOT_YET_VALID', message: `证书自 ${day(certificate.validFrom)} 起才生效（签名时间 ${day(at.toISOString())}）` };
  }
  return undefined;
}
