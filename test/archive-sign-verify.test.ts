import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSigner, MANIFEST_NAME, signPdfs, verifyPdfs, type ManifestEntry, type Signer, type VerifyReport } from '../src/archive/index.js';
import { NATIONAL_YAML, SAMPLE_YAML, archivalPdf, archivalPdfOf } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { CHINESE_CN, makeTestP12, TEST_P12_PASSWORD, type TestP12 } from './support/test-p12.js';

const openssl = externalTool('openssl');
const pdfsig = externalTool('pdfsig');
const qpdf = externalTool('qpdf');
const pdftotext = externalTool('pdftotext');
// Within the test certificates' validity (they are made during the run, valid from now): an hour from now, whole seconds.
const date = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);

function problemCodes(report: VerifyReport): string[] {
  return report.problems.map((p) => p.code);
}

/** [0 a b c] and the DER inside /Contents of the last signature, read straight from the bytes. */
function lastSignature(bytes: Buffer): { byteRange: number[]; der: Buffer } {
  const text = bytes.toString('latin1');
  const at = text.lastIndexOf('/ByteRange [');
  const byteRange = /\/ByteRange \[([\d\s]+)\]/.exec(text.slice(at))![1].trim().split(/\s+/).map(Number);
  const hex = text.slice(byteRange[1] + 1, byteRange[2] - 1);
  const der = Buffer.from(hex, 'hex');
  const length = der[1] === 0x82 ? der.readUInt16BE(2) + 4 : der[1] === 0x83 ? der.readUIntBE(2, 3) + 5 : der[1] + 2;
  return { byteRange, der: der.subarray(0, length) };
}

describe.skipIf(!openssl.available)(`sign and verify ${openssl.reason}`, () => {
  let p12: TestP12;
  let signer: Signer;
  let dir: string;
  let signedFile: string;

  beforeAll(async () => {
    p12 = makeTestP12();
    signer = createSigner(p12.bytes, p12.password, { at: new Date() });
    dir = mkdtempSync(join(tmpdir(), 'ziping-sign-'));
    writeFileSync(join(dir, 'summer-visits.pdf'), await archivalPdf());
    // Rendered from the real source, but with an edited source embedded (actual 220 → 150).
    const yaml = readFileSync(SAMPLE_YAML);
    const edited = Buffer.from(yaml.toString('utf8').replace('target: 200, actual: 220', 'target: 200, actual: 150'));
    expect(edited.equals(yaml)).toBe(false);
    writeFileSync(join(dir, 'edited-source.pdf'), await archivalPdf(yaml, edited));
    const results = await signPdfs([dir], signer, { date, reason: '年度归档', location: '重庆市渝中区' });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    signedFile = join(dir, 'summer-visits.signed.pdf');
  });

  it('writes new signed files and one manifest line per file, leaving the originals alone', () => {
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_NAME, 'edited-source.pdf', 'edited-source.signed.pdf', 'summer-visits.pdf', 'summer-visits.signed.pdf']);
    const lines = readFileSync(join(dir, MANIFEST_NAME), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ManifestEntry);
    const entry = lines.find((l) => l.file === 'summer-visits.signed.pdf')!;
    const signed = readFileSync(signedFile);
    expect(entry.sha256).toBe(spawnSync('sha256sum', [signedFile], { encoding: 'utf8' }).stdout.split(' ')[0]);
    expect(entry.signer).toContain(CHINESE_CN);
    expect(entry.time).toBe(date.toISOString());
    expect(entry.source).toBe('summer-visits.pdf');
    expect(entry.formSource?.name).toBe('summer-visits.yaml');
    // Append-only: the signed file starts with the original's bytes.
    const original = readFileSync(join(dir, 'summer-visits.pdf'));
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
  });

  it('signs again into x.signed-2.pdf without touching x.signed.pdf', async () => {
    const before = readFileSync(signedFile);
    const [again] = await signPdfs([join(dir, 'summer-visits.pdf')], signer, { date });
    expect(again.ok && again.output).toBe(join(dir, 'summer-visits.signed-2.pdf'));
    expect(readFileSync(signedFile).equals(before)).toBe(true);
    expect(readFileSync(join(dir, MANIFEST_NAME), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it.skipIf(!pdfsig.available)(`is reported valid by pdfsig, with the Chinese name intact ${pdfsig.reason}`, () => {
    const output = spawnSync('pdfsig', [signedFile], { encoding: 'utf8' }).stdout;
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain(`Signer Certificate Common Name: ${CHINESE_CN}`);
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(output).toContain('Total document signed');
  });

  it('has a CMS over the byte range that openssl cms -verify accepts', () => {
    const bytes = readFileSync(signedFile);
    const { byteRange, der } = lastSignature(bytes);
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2] + byteRange[3]).toBe(bytes.length);
    const work = mkdtempSync(join(tmpdir(), 'ziping-cms-'));
    writeFileSync(join(work, 'sig.der'), der);
    writeFileSync(join(work, 'content.bin'), Buffer.concat([bytes.subarray(0, byteRange[1]), bytes.subarray(byteRange[2])]));
    const result = spawnSync('openssl', ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-out', '/dev/null'], { cwd: work, encoding: 'utf8' });
    expect(result.stderr).toContain('Verification successful');
    expect(result.status).toBe(0);
    const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { cwd: work, encoding: 'utf8' }).stdout;
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).not.toContain('signingTime');
  });

  it('keeps the PDF/A parts and adds an invisible widget with the flags PDF/A wants', async () => {
    const pdf = await PDFDocument.load(readFileSync(signedFile), { updateMetadata: false });
    const catalog = pdf.catalog;
    for (const key of ['Metadata', 'OutputIntents', 'AF']) expect(catalog.get(PDFName.of(key)), key).toBeDefined();
    const acroForm = catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(acroForm.get(PDFName.of('SigFlags'))?.toString()).toBe('3');
    const widget = acroForm.lookup(PDFName.of('Fields'), PDFArray).lookup(0, PDFDict);
    expect(widget.get(PDFName.of('F'))?.toString()).toBe('132');
    expect(widget.get(PDFName.of('Rect'))?.toString()).toBe('[ 0 0 0 0 ]');
    const appearance = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N')) as PDFRawStream;
    expect(appearance).toBeInstanceOf(PDFRawStream);
    expect(appearance.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('Form'));
    const page = pdf.getPage(0).node;
    expect(page.lookup(PDFName.of('Annots'), PDFArray).size()).toBe(1);
  });

  it.skipIf(!qpdf.available)(`stays a clean PDF for qpdf --check ${qpdf.reason}`, () => {
    const result = spawnSync('qpdf', ['--check', signedFile], { encoding: 'utf8' });
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
    expect(result.status).toBe(0);
  });

  it.skipIf(!pdftotext.available)(`verifies the signed sample: signature, manifest and re-scored source ${pdftotext.reason}`, async () => {
    const [report] = await verifyPdfs([signedFile]);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifest).toBe('match');
    expect(report.formSource?.printedValues).toBe('match');
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0].coversWholeFile).toBe(true);
    expect(report.signatures[0].signer?.subject).toContain(CHINESE_CN);
    expect(report.signatures[0].time).toBe(date.toISOString());
    expect(report.signatures[0].reason).toBe('年度归档');
  });

  it.skipIf(!pdftotext.available)(`fails a file whose embedded source was edited, naming the value ${pdftotext.reason}`, async () => {
    const [report] = await verifyPdfs([join(dir, 'edited-source.signed.pdf')]);
    expect(report.ok).toBe(false);
    expect(problemCodes(report)).toContain('E_SOURCE_MISMATCH');
    // Signature and manifest are fine: only the source disagrees with the printed form.
    expect(problemCodes(report).every((code) => code === 'E_SOURCE_MISMATCH')).toBe(true);
    const messages = report.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('慰问城管、住建、卫健等一线人员 的偏离度应为 -25');
    expect(messages).toContain('自评总分');
  });

  it('fails after one byte inside the byte range is flipped', async () => {
    const bytes = readFileSync(signedFile);
    const { byteRange } = lastSignature(bytes);
    // A byte in the page content, well before the signature.
    const at = Math.floor(byteRange[1] / 3);
    bytes[at] ^= 0x01;
    const flipped = join(dir, 'flipped.signed.pdf');
    writeFileSync(flipped, bytes);
    const [report] = await verifyPdfs([flipped]);
    expect(report.ok).toBe(false);
    expect(problemCodes(report)).toContain('E_SIGNATURE_DIGEST');
    // A file the manifest does not list is said, not failed: the digest is what fails here.
    expect(report.warnings.map((w) => w.code)).toContain('W_MANIFEST_NO_ENTRY');
  });

  it('fails a signed file whose hash differs from the manifest', async () => {
    const other = join(dir, 'copy');
    mkdirSync(other);
    copyFileSync(signedFile, join(other, 'summer-visits.signed.pdf'));
    const entry = { ...(JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8').split('\n')[0]) as ManifestEntry), file: 'summer-visits.signed.pdf', sha256: '0'.repeat(64) };
    writeFileSync(join(other, MANIFEST_NAME), `${JSON.stringify(entry)}\n`);
    const [report] = await verifyPdfs([join(other, 'summer-visits.signed.pdf')]);
    expect(report.manifest).toBe('mismatch');
    expect(problemCodes(report)).toContain('E_MANIFEST_HASH');
  });

  it('fails an unsigned file', async () => {
    const [report] = await verifyPdfs([join(dir, 'summer-visits.pdf')]);
    expect(report.ok).toBe(false);
    expect(problemCodes(report)).toContain('E_NOT_SIGNED');
  });

  it('fails bytes appended after the signature', async () => {
    const appended = join(dir, 'appended.signed.pdf');
    writeFileSync(appended, Buffer.concat([readFileSync(signedFile), Buffer.from('\n% appended\n')]));
    const [report] = await verifyPdfs([appended]);
    expect(problemCodes(report)).toContain('E_SIGNATURE_NOT_WHOLE_FILE');
  });

  it('in a folder, verifies only the signed copies', async () => {
    const reports = await verifyPdfs([dir]);
    expect(reports.every((r) => /\.signed(-\d+)?\.pdf$/.test(r.file))).toBe(true);
    expect(reports.map((r) => r.file.split('/').at(-1))).toContain('summer-visits.signed-2.pdf');
  });
});

describe.skipIf(!openssl.available || !pdftotext.available)(`sign and verify a 项目支出 (mof2020) form ${openssl.reason}${pdftotext.reason}`, () => {
  let dir: string;

  beforeAll(async () => {
    const signer = createSigner(makeTestP12().bytes, TEST_P12_PASSWORD, { at: new Date() });
    dir = mkdtempSync(join(tmpdir(), 'ziping-sign-national-'));
    const yaml = readFileSync(NATIONAL_YAML);
    writeFileSync(join(dir, 'rural-water-supply.pdf'), await archivalPdfOf(NATIONAL_YAML, yaml));
    // Rendered from the real source, with an edited 实际完成值 embedded (36.5 → 30 公里).
    const edited = Buffer.from(yaml.toString('utf8').replace('target: 35, actual: 36.5', 'target: 35, actual: 30'));
    expect(edited.equals(yaml)).toBe(false);
    writeFileSync(join(dir, 'edited-source.pdf'), await archivalPdfOf(NATIONAL_YAML, yaml, edited));
    const results = await signPdfs([dir], signer, { date });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });

  it('verifies the signed form: its 总分 row, funds 执行率/得分 and indicator 得分 match the re-scored source', async () => {
    const [report] = await verifyPdfs([join(dir, 'rural-water-supply.signed.pdf')]);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.manifest).toBe('match');
    expect(report.formSource).toMatchObject({ name: 'rural-water-supply.yaml', printedValues: 'match' });
  });

  it('fails when the embedded source has another 实际完成值, naming the 得分 and the 总分', async () => {
    const [report] = await verifyPdfs([join(dir, 'edited-source.signed.pdf')]);
    expect(report.ok).toBe(false);
    expect(report.formSource?.printedValues).toBe('mismatch');
    expect(problemCodes(report).every((code) => code === 'E_SOURCE_MISMATCH')).toBe(true);
    const messages = report.problems.map((p) => p.message);
    // 30 ÷ 35 × 10 = 8.57 instead of 10; 总分 97.8 − 10 + 8.57.
    expect(messages).toEqual([
      '嵌入的源文件重新计分后与 PDF 文字不一致：新建和改造供水管网长度 的得分应为 8.57，PDF 中为“≥35公里 36.5公里 10 10”',
      '嵌入的源文件重新计分后与 PDF 文字不一致：总分 的总分应为 96.37，PDF 中为“100 97.8 注：项目资金单位为万元；得分保留两位小数。本表为虚构示例。”',
    ]);
  });
});

describe.skipIf(!openssl.available)(`signing PDFs from other tools ${openssl.reason}`, () => {
  it('extends a file whose cross-references are a stream with a stream, and signs it validly', async () => {
    const signer = createSigner(makeTestP12().bytes, TEST_P12_PASSWORD, { at: new Date() });
    const made = await PDFDocument.create();
    made.addPage([200, 200]).drawText('xref stream');
    const dir = mkdtempSync(join(tmpdir(), 'ziping-xrefstream-'));
    const original = await made.save({ useObjectStreams: true });
    expect(Buffer.from(original).toString('latin1')).toContain('/Type /XRef');
    writeFileSync(join(dir, 'other.pdf'), original);
    const [result] = await signPdfs([dir], signer, { date });
    expect(result.ok).toBe(true);
    const signed = join(dir, 'other.signed.pdf');
    const [report] = await verifyPdfs([signed]);
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['W_NO_SOURCE']);
    if (qpdf.available) expect(spawnSync('qpdf', ['--check', signed], { encoding: 'utf8' }).status).toBe(0);
    if (pdfsig.available) expect(spawnSync('pdfsig', [signed], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
  });
});

describe.skipIf(!openssl.available)(`createSigner errors ${openssl.reason}`, () => {
  it('says the password is wrong, and a broken P12 is broken', () => {
    const p12 = makeTestP12();
    expect(() => createSigner(p12.bytes, 'wrong', { at: new Date() })).toThrow(expect.objectContaining({ code: 'E_P12_PASSWORD' }));
    expect(() => createSigner(p12.bytes.subarray(0, 200), p12.password, { at: new Date() })).toThrow(expect.objectContaining({ code: 'E_P12_INVALID' }));
    expect(() => createSigner(new Uint8Array([1, 2, 3]), p12.password, { at: new Date() })).toThrow(expect.objectContaining({ code: 'E_P12_INVALID' }));
  });

  it('signs with an ECDSA key too', async () => {
    const p12 = makeTestP12({ keyType: 'ec' });
    const signer = createSigner(p12.bytes, p12.password, { at: new Date() });
    const dir = mkdtempSync(join(tmpdir(), 'ziping-ec-'));
    writeFileSync(join(dir, 'a.pdf'), await archivalPdf());
    const [result] = await signPdfs([dir], signer, { date });
    expect(result.ok).toBe(true);
    const [report] = await verifyPdfs([dir], { pdfText: () => undefined });
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['W_NO_TEXT_TOOL']);
  });
});
