import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Attribute, type Certificate } from 'pkijs';
import { Oid } from '../object-identifiers.js';

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035) that PAdES baseline B-B requires: binds
 * the signature to the signer's certificate by its SHA-256 hash. The hash algorithm is the
 * DEFAULT, so DER omits it. issuerSerial copies the certificate's issuer Name as its original
 * DER, so UTF-8 (Chinese) names stay byte-identical to the certificate's.
 */
export function signingCertificateV2(certificateDer: Uint8Array, certificate: Certificate): Attribute {
  const certHash = createHash('sha256').update(certificateDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralNames: one directoryName [4], explicitly tagged (it wraps a CHOICE).
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial] });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new Attribute({ type: Oid.signingCertificateV2, values: [value] });
}
