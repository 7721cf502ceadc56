/** The archive stage (DESIGN §9): PAdES signatures, their verification, the archive manifest. */
export { ArchiveError } from './archive-error.js';
export { createSigner, type Signer } from './create-signer.js';
export type { CertificateSummary } from './cms/certificate-summary.js';
export { signPdfs, signOnePdf, type SignOptions, type SignedFile } from './sign-pdfs.js';
export { signPdf } from './pdf/sign-pdf.js';
export { verifyPdfs } from './verify-pdfs.js';
export { verifyPdf, type VerifyOptions, type VerifyProblem, type VerifyReport, type SignatureReport } from './verify-pdf.js';
export { MANIFEST_NAME, readManifest, type ManifestEntry } from './archive-manifest.js';
export { comparePrintedValues, type PrintedMismatch } from './source/compare-printed-values.js';
