import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as asn1js from 'asn1js';
import { loadFormSource } from '../load/index.js';
import { loadFormats, type FormatSources } from '../build/load-template-sources.js';
import { compileTemplateSet, ESTIMATED_METRICS, formView, layoutForm, styledTexts, type TemplateSet } from '../layout/index.js';
import type { Form } from '../load/index.js';
import { scoreForm, type PrintedForm } from '../score/index.js';
import { readManifest } from './archive-manifest.js';
import { certificateValidityAt, type CertificateSummary } from './cms/certificate-summary.js';
import { verifyCms } from './cms/verify-cms.js';
import { findEmbeddedFiles } from './pdf/find-embedded-source.js';
import { findSignatures, type PdfSignature } from './pdf/find-signatures.js';
import { parsePdfDate } from './pdf/pdf-date.js';
import { readPdfStructure } from './pdf/pdf-structure.js';
import { comparePrintedValues, missingPrintedTexts } from './source/compare-printed-values.js';
import { pdfText as popplerText } from './source/pdf-text.js';

export interface VerifyProblem {
  code: string;
  message: string;
}

export interface SignatureReport {
  field: string;
  subFilter: string;
  /** /M as ISO 8601, when present and readable. */
  time?: string;
  reason?: string;
  location?: string;
  signer?: CertificateSummary;
  /** The byte range covers the whole file except this signature's /Contents. */
  coversWholeFile: boolean;
  notes: string[];
}

export interface VerifyReport {
  file: string;
  ok: boolean;
  problems: VerifyProblem[];
  /** Checks that could not run (e.g. pdftotext missing): not failures, but said. */
  warnings: VerifyProblem[];
  sha256: string;
  signatures: SignatureReport[];
  manifest: 'match' | 'none' | 'mismatch' | 'missing-entry';
  formSource?: { name: string; sha256: string; printedValues: 'match' | 'mismatch' | 'unchecked' };
}

export interface VerifyOptions {
  /** Text of the PDF in reading order (default: pdftotext -raw); undefined = cannot extract. */
  pdfText?: (file: string) => string | undefined;
  /** The formats the embedded source may name (default: the built-in ones). */
  formats?: FormatSources;
}

const HEX = /^[0-9A-Fa-f]*$/;
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

const compiled = new WeakMap<FormatSources, TemplateSet>();

/** The texts the format's template prints for the form (which of the source's texts a form shows). */
function laidOutTexts(form: Form, printed: PrintedForm, formats: FormatSources): string[] {
  let templates = compiled.get(formats);
  if (!templates) compiled.set(formats, (templates = compileTemplateSet(formats.templates)));
  const template = templates.get(form.form);
  const format = formats.registry.get(form.form);
  if (!template || !format) return [];
  return [...styledTexts(layoutForm(formView(form, printed, format.definition), template, ESTIMATED_METRICS))].map((t) => t.text);
}

/** The byte range must be [0 a b c]: start at 0, skip exactly the `<hex>` of /Contents. */
function checkByteRange(bytes: Uint8Array, signature: PdfSignature): { problem?: string; content?: Uint8Array[]; end?: number } {
  const [start, length1, start2, length2] = signature.byteRange;
  if (signature.byteRange.length !== 4 || [start, length1, start2, length2].some((n) => !Number.isInteger(n) || n < 0)) {
    return { problem: `签名范围（/ByteRange）格式不正确：[${signature.byteRange.join(' ')}]` };
  }
  if (start !== 0 || start2 <= length1 || start2 + length2 > bytes.length) {
    return { problem: `签名范围 [${signature.byteRange.join(' ')}] 与文件（${bytes.length} 字节）不符` };
  }
  const gap = Buffer.from(bytes.subarray(length1, start2)).toString('latin1');
  if (!gap.startsWith('<') || !gap.endsWith('>') || !HEX.test(gap.slice(1, -1))) {
    return { problem: '签名范围之外除了签名值（/Contents）还有别的内容' };
  }
  return { content: [bytes.subarray(0, length1), bytes.subarray(start2, start2 + length2)], end: start2 + length2 };
}

/**
 * Cuts the zero padding after the CMS. Its outer length says where it ends, also in BER with
 * indefinite lengths (what NSS, and so `pdfsig -add-signature`, writes).
 */
function cmsOnly(contents: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(contents);
  return parsed.offset > 0 ? contents.subarray(0, parsed.offset) : contents;
}

/**
 * Verifies one signed PDF: every signature (byte range, CMS digest and signature, certificate
 * shown), that the last one covers the whole file, the manifest entry beside it if there is a
 * manifest, and that the embedded YAML source, re-scored, prints what the PDF shows.
 */
export async function verifyPdf(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const warnings: VerifyProblem[] = [];
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    file,
    ok: problems.length === 0,
    problems,
    warnings,
    sha256: '',
    signatures: [],
    manifest: 'none',
    ...extra,
  });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    problems.push({ code: 'E_FILE_NOT_FOUND', message: '文件不存在或无法读取' });
    return report();
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let structure;
  try {
    structure = await readPdfStructure(bytes);
  } catch (error) {
    problems.push({ code: (error as { code?: string }).code ?? 'E_PDF_INVALID', message: (error as Error).message });
    return report({ sha256 });
  }

  const signatures: SignatureReport[] = [];
  const found = findSignatures(structure.context);
  if (found.length === 0) problems.push({ code: 'E_NOT_SIGNED', message: '文件没有数字签名' });
  let lastEnd = -1;
  for (const signature of found) {
    const where = `签名 ${signature.field}：`;
    const range = checkByteRange(bytes, signature);
    const entry: SignatureReport = {
      field: signature.field,
      subFilter: signature.subFilter,
      time: signature.time ? parsePdfDate(signature.time)?.toISOString() : undefined,
      reason: signature.reason,
      location: signature.location,
      coversWholeFile: range.end === bytes.length,
      notes: [],
    };
    signatures.push(entry);
    if (range.problem) {
      problems.push({ code: 'E_SIGNATURE_BYTE_RANGE', message: where + range.problem });
      continue;
    }
    lastEnd = Math.max(lastEnd, range.end!);
    if (signature.subFilter !== 'ETSI.CAdES.detached') entry.notes.push(`SubFilter 为 ${signature.subFilter}（PAdES 应为 ETSI.CAdES.detached）`);
    const cms = verifyCms(cmsOnly(signature.contents), range.content!);
    entry.signer = cms.signer;
    // Years later the certificate has expired, and that is fine; it must have been valid when it signed.
    const validity = cms.signer && certificateValidityAt(cms.signer, entry.time ? new Date(entry.time) : new Date());
    if (validity) warnings.push({ code: `W_CERT_${validity.code}`, message: where + validity.message });
    entry.notes.push(...cms.notes);
    problems.push(...cms.problems.map((p) => ({ code: p.code, message: where + p.message })));
  }
  if (found.length > 0 && lastEnd !== bytes.length && lastEnd >= 0) {
    problems.push({ code: 'E_SIGNATURE_NOT_WHOLE_FILE', message: `最后一个签名之后文件又被追加了 ${bytes.length - lastEnd} 字节（未被签名覆盖）` });
  }

  // The manifest beside the file: when there is one, it must list this file with this hash.
  let manifest: VerifyReport['manifest'] = 'none';
  const entries = await readManifest(dirname(file));
  if (entries) {
    const entry = entries.entries.filter((e) => e.file === basename(file)).at(-1);
    if (!entry) {
      // A file ziping did not sign (another tool's copy, a countersigned one) is not a changed
      // file: its signatures stand on their own. Say so; fail only for a listed file that changed.
      manifest = 'missing-entry';
      warnings.push({ code: 'W_MANIFEST_NO_ENTRY', message: '归档清单中没有此文件的记录（不是 ziping 签名的文件，或签名后另存）' });
    } else if (entry.sha256 !== sha256) {
      manifest = 'mismatch';
      problems.push({ code: 'E_MANIFEST_HASH', message: `文件的 SHA-256 与归档清单不符（清单 ${entry.sha256.slice(0, 16)}…，实际 ${sha256.slice(0, 16)}…）` });
    } else {
      manifest = 'match';
    }
  }

  // The embedded source, re-scored, must print what the PDF's text shows.
  let formSource: VerifyReport['formSource'];
  const source = findEmbeddedFiles(structure.context).find((f) => f.relationship === 'Source');
  if (!source) {
    warnings.push({ code: 'W_NO_SOURCE', message: 'PDF 中没有嵌入源文件（非 PDF/A 归档版本），未核对打印数值' });
  } else {
    formSource = { name: source.name, sha256: createHash('sha256').update(source.bytes).digest('hex'), printedValues: 'unchecked' };
    const formats = options.formats ?? loadFormats();
    const loaded = loadFormSource(source.name, source.bytes, formats.registry);
    if (!loaded.ok) {
      const first = loaded.diagnostics[0];
      problems.push({ code: 'E_SOURCE_INVALID', message: `嵌入的源文件 ${source.name} 无法读取：${first ? `${first.line}:${first.col} ${first.message}` : ''}` });
    } else {
      let text: string | undefined;
      let textError = '';
      try {
        text = (options.pdfText ?? popplerText)(file);
      } catch (error) {
        textError = (error as Error).message;
      }
      if (textError) {
        problems.push({ code: 'E_PDF_TEXT', message: `无法提取 PDF 文字以核对打印数值：${textError}` });
      } else if (text === undefined) {
        warnings.push({ code: 'W_NO_TEXT_TOOL', message: '未安装 pdftotext（poppler-utils），未核对打印数值' });
      } else {
        const { form } = loaded.form;
        const printed = scoreForm(form).printed;
        const laidOut = laidOutTexts(form, printed, formats);
        const mismatches = comparePrintedValues(printed, text, laidOut);
        const texts = missingPrintedTexts(form, laidOut, text);
        formSource.printedValues = mismatches.length === 0 && texts.length === 0 ? 'match' : 'mismatch';
        for (const t of texts.slice(0, 10)) {
          problems.push({ code: 'E_SOURCE_MISMATCH', message: `嵌入的源文件与 PDF 文字不一致：${t.path} 为“${clip(t.expected)}”，PDF 中没有这段文字` });
        }
        for (const m of mismatches.slice(0, 10)) {
          problems.push({
            code: 'E_SOURCE_MISMATCH',
            message: `嵌入的源文件重新计分后与 PDF 文字不一致：${m.row} 的${m.field}应为 ${m.expected}，PDF 中${m.found ? `为“${m.found}”` : '找不到该行'}`,
          });
        }
        if (mismatches.length > 10) problems.push({ code: 'E_SOURCE_MISMATCH', message: `另有 ${mismatches.length - 10} 处不一致` });
      }
    }
  }
  return report({ sha256, signatures, manifest, formSource });
}
