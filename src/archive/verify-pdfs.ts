import { collectPdfFiles } from './collect-pdf-files.js';
import { verifyPdf, type VerifyOptions, type VerifyReport } from './verify-pdf.js';

/** Verifies the PDFs under `paths` (folders: the signed copies `*.signed*.pdf` in them). */
export async function verifyPdfs(paths: readonly string[], options: VerifyOptions = {}): Promise<VerifyReport[]> {
  const reports: VerifyReport[] = [];
  for (const file of await collectPdfFiles(paths, 'signed')) reports.push(await verifyPdf(file, options));
  return reports;
}
