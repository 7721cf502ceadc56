import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData, type Attribute } from 'pkijs';
import { hashNameOf, Oid } from '../object-identifiers.js';
import { certificateSummary, type CertificateSummary } from './certificate-summary.js';

export interface CmsCheck {
  /** Failures, each one sentence in Chinese with a stable code. */
  problems: { code: string; message: string }[];
  /** Deviations from PAdES baseline B-B that do not invalidate the signature. */
  notes: string[];
  signer?: CertificateSummary;
}

function attribute(attributes: Attribute[] | undefined, type: string): Attribute | undefined {
  return attributes?.find((a) => a.type === type);
}

/** Parses and checks a detached CMS signature over `content` (the PDF's byte range). */
export function verifyCms(cms: Uint8Array, content: Uint8Array[]): CmsCheck {
  const problems: CmsCheck['problems'] = [];
  const notes: string[] = [];
  const fail = (code: string, message: string): CmsCheck => ({ problems: [...problems, { code, message }], notes });
  let signedData: SignedData;
  try {
    const info = ContentInfo.fromBER(new Uint8Array(cms));
    if (info.contentType !== Oid.signedData) return fail('E_CMS_INVALID', '签名数据不是 CMS SignedData');
    signedData = new SignedData({ schema: info.content });
  } catch {
    return fail('E_CMS_INVALID', '签名数据（CMS）无法解析');
  }
  if (signedData.encapContentInfo.eContent) notes.push('CMS 内含被签内容（不是分离式签名）');
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return fail('E_CMS_INVALID', 'CMS 中没有签名者信息');
  const sid = signerInfo.sid;
  const certificates = (signedData.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  const certificate =
    sid instanceof IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  if (!certificate) return fail('E_CMS_NO_CERTIFICATE', 'CMS 中找不到签名者证书（颁发者与序列号不匹配）');
  const certificateDer = new Uint8Array(certificate.toSchema().toBER());
  const signer = certificateSummary(certificateDer);

  const hash = hashNameOf[signerInfo.digestAlgorithm.algorithmId];
  if (!hash) return { ...fail('E_CMS_ALGORITHM', `不支持的摘要算法 ${signerInfo.digestAlgorithm.algorithmId}`), signer };
  if (hash !== 'sha256') notes.push(`摘要算法为 ${hash}（PAdES 基线建议 SHA-256）`);
  const attrs = signerInfo.signedAttrs?.attributes;
  if (!attrs) return { ...fail('E_CMS_NO_ATTRIBUTES', 'CMS 缺少签名属性（signedAttrs）'), signer };

  const digest = content.reduce((h, part) => h.update(part), createHash(hash)).digest();
  const messageDigest = attribute(attrs, Oid.messageDigest)?.values[0];
  if (!(messageDigest instanceof asn1js.OctetString) || !Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest)) {
    problems.push({ code: 'E_SIGNATURE_DIGEST', message: '文件内容的摘要与签名中的 messageDigest 不一致（签名后文件被改动）' });
  }
  const contentType = attribute(attrs, Oid.contentType)?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== Oid.data) {
    problems.push({ code: 'E_CMS_CONTENT_TYPE', message: 'CMS 的 content-type 属性不是 id-data' });
  }
  const signingCertificate = attribute(attrs, Oid.signingCertificateV2)?.values[0];
  if (!signingCertificate) {
    notes.push('缺少 signing-certificate-v2 属性（不符合 PAdES B-B）');
  } else {
    const essCertId = ((signingCertificate as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const [first, second] = essCertId?.valueBlock.value ?? [];
    // hashAlgorithm DEFAULT SHA-256 is absent in DER; otherwise it comes first.
    const algorithm = first instanceof asn1js.Sequence ? (first.valueBlock.value[0] as asn1js.ObjectIdentifier).getValue() : Oid.sha256;
    const hashValue = first instanceof asn1js.OctetString ? first : second;
    const certHashName = hashNameOf[algorithm];
    const matches =
      hashValue instanceof asn1js.OctetString &&
      certHashName !== undefined &&
      Buffer.from(hashValue.valueBlock.valueHexView).equals(createHash(certHashName).update(certificateDer).digest());
    if (!matches) problems.push({ code: 'E_CMS_SIGNING_CERTIFICATE', message: 'signing-certificate-v2 属性与签名者证书不符' });
  }
  if (attribute(attrs, Oid.signingTime)) notes.push('含 signing-time 属性（PAdES B-B 应写在 /M 中）');

  const signedBytes = new Uint8Array(signerInfo.signedAttrs!.encodedValue);
  const signature = signerInfo.signature.valueBlock.valueHexView;
  const publicKey = new X509Certificate(certificateDer).publicKey;
  let valid = false;
  try {
    valid = verify(hash, signedBytes, publicKey.asymmetricKeyType === 'ec' ? { key: publicKey, dsaEncoding: 'der' } : publicKey, signature);
  } catch {
    valid = false;
  }
  if (!valid) problems.push({ code: 'E_SIGNATURE_INVALID', message: '签名值校验失败（签名属性被改动或与证书公钥不符）' });
  return { problems, notes, signer };
}
