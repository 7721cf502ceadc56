import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../src/render/fonts/font-set.js';
import { createPdfRenderer } from '../src/render/pdf/index.js';
import { ARCHIVE_DATE, SAMPLE_YAML, archivalPdf } from './support/archival-pdf.js';
import { externalTool } from './support/external-tool.js';
import { layoutDocument, textBlock } from './render-pdf-sample-layout.js';

const qpdf = externalTool('qpdf');
const pdfinfo = externalTool('pdfinfo');
const pdffonts = externalTool('pdffonts');
const pdfdetach = externalTool('pdfdetach');

const dir = mkdtempSync(join(tmpdir(), 'ziping-pdfa-'));
const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { output: result.stdout + result.stderr, status: result.status };
};

describe('PDF/A-3b rendering', () => {
  let bytes: Uint8Array;
  let file: string;
  beforeAll(async () => {
    bytes = await archivalPdf();
    file = join(dir, 'summer-visits.pdf');
    writeFileSync(file, bytes);
  });

  it('is PDF 1.7, unencrypted, with an sRGB output intent and the source as an associated file', async () => {
    expect(Buffer.from(bytes.subarray(0, 9)).toString('latin1')).toBe('%PDF-1.7\n');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.isEncrypted).toBe(false);
    const catalog = pdf.catalog;
    const intent = catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(intent.lookup(PDFName.of('DestOutputProfile'))).toBeInstanceOf(PDFRawStream);
    const spec = catalog.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict);
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Source'));
    const embedded = (spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream).dict;
    expect(embedded.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe('application/yaml');
    const params = embedded.lookup(PDFName.of('Params'), PDFDict);
    expect(params.get(PDFName.of('ModDate'))?.toString()).toBe('(D:20240301080000Z)');
    expect(params.get(PDFName.of('CreationDate'))?.toString()).toBe('(D:20240301080000Z)');
    // The name tree lists it too, so readers show it as an attachment.
    const names = catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    expect(names.lookup(PDFName.of('Names'), PDFArray).get(1)).toBeInstanceOf(PDFRef);
  });

  it('gives the same bytes for the same source and date', async () => {
    expect(Buffer.from(await archivalPdf()).equals(Buffer.from(bytes))).toBe(true);
  });

  it.skipIf(!qpdf.available)(`passes qpdf --check ${qpdf.reason}`, () => {
    const result = run('qpdf', ['--check', file]);
    expect(result.output).toContain('No syntax or stream encoding errors found');
    expect(result.status).toBe(0);
  });

  it.skipIf(!pdfinfo.available)(`has PDF/A-3b XMP consistent with the document info ${pdfinfo.reason}`, () => {
    const meta = run('pdfinfo', ['-meta', file]).output;
    expect(meta).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(meta).toContain('<xmp:CreateDate>2024-03-01T08:00:00Z</xmp:CreateDate>');
    expect(meta).toContain('<xmp:ModifyDate>2024-03-01T08:00:00Z</xmp:ModifyDate>');
    const info = run('pdfinfo', [file]).output;
    const title = /^Title:\s+(.+)$/m.exec(info)![1];
    expect(meta).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    expect(info).toMatch(/ModDate:\s+Fri Mar  1 08:00:00 2024 UTC/);
  });

  it.skipIf(!pdffonts.available)(`embeds every font ${pdffonts.reason}`, () => {
    const lines = run('pdffonts', [file]).output.trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
  });

  it.skipIf(!pdfdetach.available)(`gives back the YAML source byte for byte ${pdfdetach.reason}`, () => {
    const out = join(dir, 'extracted.yaml');
    expect(run('pdfdetach', ['-save', '1', '-o', out, file]).status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(SAMPLE_YAML))).toBe(true);
  });

  it.skipIf(!pdfinfo.available)(`escapes the title in the XMP ${pdfinfo.reason}`, async () => {
    const renderer = createPdfRenderer({ fonts: loadFontSet('fonts/fonts.json') });
    const doc = layoutDocument([textBlock('表')], { title: '收支 <A&B> “表”' });
    const escaped = join(dir, 'escaped.pdf');
    writeFileSync(escaped, (await renderer.render(doc, { date: ARCHIVE_DATE, pdfa: {} })).bytes);
    const meta = run('pdfinfo', ['-meta', escaped]).output;
    expect(meta).toContain('<rdf:li xml:lang="x-default">收支 &lt;A&amp;B&gt; “表”</rdf:li>');
    expect(run('pdfinfo', [escaped]).output).toMatch(/^Title:\s+收支 <A&B> “表”$/m);
  });
});
