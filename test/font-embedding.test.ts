import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';

/**
 * Fonts in the shipped outputs as other programs read them: the PDFs' ToUnicode maps through
 * Ghostscript, one subset tag per subset (ISO 32000-1 §9.6.4) in forms and packs, and the
 * DOCX font table (ECMA-376 §17.8.3).
 */
const gs = externalTool('gs');
const pdftotext = externalTool('pdftotext');
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const out = mkdtempSync(join(tmpdir(), 'ziping-fonts-'));
const systemOut = mkdtempSync(join(tmpdir(), 'ziping-fonts-system-'));
const FORMS = join(out, '2023', 'yuzhong-gov-office');
const SAMPLES = ['department-overall', 'summer-visits', 'research-and-information'];
const PACK = join(out, 'packs', '2023', '024-重庆市渝中区人民政府办公室.pdf');
const TITLE = '2023年度部门整体绩效自评表';

beforeAll(() => {
  const built = runCli(['build', 'data', '--out', out], { env: EPOCH });
  expect(built.status, built.stderr).toBe(0);
  // `pack` finds the forms' PDFs built there and packs them.
  const packed = runCli(['pack', 'data', '--out', out], { env: EPOCH });
  expect(packed.stderr).toBe('');
  expect(packed.status).toBe(0);
  const system = runCli(['build', 'data/2023/yuzhong-gov-office/department-overall.yaml', '--out', systemOut, '--format', 'docx', '--docx-fonts', 'system'], {
    env: EPOCH,
  });
  expect(system.status, system.stderr).toBe(0);
}, 300_000);

const pdf = (name: string) => join(FORMS, `${name}.pdf`);
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface Subset {
  tag: string;
  name: string;
  /** sha256 of the decoded font program */
  program: string;
}

/** Every embedded font subset of a PDF: its tag, name and program. */
async function subsets(file: string): Promise<Subset[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const found: Subset[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const name = (object.get(PDFName.of('FontName')) as PDFName).decodeText();
    const stream = object.lookup(PDFName.of('FontFile2')) ?? object.lookup(PDFName.of('FontFile3'));
    if (!(stream instanceof PDFRawStream)) throw new Error(`${file}: ${name} has no embedded program`);
    const program = createHash('sha256').update(decodePDFRawStream(stream).decode()).digest('hex');
    found.push({ tag: name.split('+')[0]!, name, program });
  }
  return found;
}

/** Tags given to more than one distinct program. */
function sharedTags(all: Subset[]): string[] {
  const programs = new Map<string, Set<string>>();
  for (const { tag, program } of all) programs.set(tag, (programs.get(tag) ?? new Set()).add(program));
  return [...programs].filter(([, set]) => set.size > 1).map(([tag]) => tag);
}

describe('PDF text through Ghostscript', () => {
  it.skipIf(!gs.available)(`txtwrite gives the title back ${gs.reason}`, () => {
    const text = execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=txtwrite', '-o', '-', pdf('department-overall')], { encoding: 'utf8' });
    expect(squeeze(text)).toContain(TITLE);
    expect(squeeze(text)).toContain('重庆市渝中区人民政府办公室整体监控');
  });

  it.skipIf(!gs.available || !pdftotext.available)(`a pdfwrite pass keeps the text pdftotext reads ${gs.reason}${pdftotext.reason}`, () => {
    const rewritten = join(out, 'gs-pdfwrite.pdf');
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', '-o', rewritten, pdf('department-overall')]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', rewritten, '-'], { encoding: 'utf8' });
    expect(squeeze(text)).toContain(TITLE);
    expect(squeeze(text)).toContain('重庆市渝中区人民政府办公室整体监控');
  });
});

describe('font subset tags', () => {
  it('are six capital letters, different for different subsets across the sample forms', async () => {
    const all = (await Promise.all(SAMPLES.map((name) => subsets(pdf(name))))).flat();
    expect(all.length).toBeGreaterThanOrEqual(SAMPLES.length * 2);
    for (const { name } of all) expect(name).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)$/);
    // The three forms print different text in their regular face: three programs, three tags.
    const regular = all.filter(({ name }) => name.endsWith('-Regular'));
    expect(new Set(regular.map(({ program }) => program)).size).toBe(3);
    expect(sharedTags(all)).toEqual([]);
  });

  it('share no tag between two different subsets in a pack', async () => {
    const all = await subsets(PACK);
    // Cover, contents, page numbers and three forms: many subsets of two faces.
    expect(new Set(all.map(({ program }) => program)).size).toBeGreaterThan(4);
    expect(sharedTags(all)).toEqual([]);
  });
});

async function fontTable(file: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file('word/fontTable.xml')!.async('string');
}

const fontElements = (table: string) => [...table.matchAll(/<w:font w:name="([^"]*)">([\s\S]*?)<\/w:font>/g)].map(([, name, body]) => ({ name: name!, body: body! }));

describe('DOCX font table', () => {
  it('describes each embedded face as Word does and marks its files subsetted', async () => {
    for (const name of SAMPLES) {
      const fonts = fontElements(await fontTable(join(FORMS, `${name}.docx`)));
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const { name: family, body } of fonts) {
        expect(family).toMatch(/^NotoSerifSC_[0-9a-f]{8}$/);
        expect(body).toContain('<w:altName w:val="Noto Serif SC"/>');
        expect(body).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/);
        expect(body).toContain('<w:charset w:val="86"/>');
        expect(body).toMatch(/<w:family w:val="roman"\/><w:pitch w:val="variable"\/>/);
        const embeds = [...body.matchAll(/<w:embed(Regular|Bold)\b[^>]*\/>/g)].map(([element]) => element);
        expect(embeds.length).toBe(2);
        for (const embed of embeds) expect(embed).toMatch(/ w:subsetted="1"\/>$/);
      }
    }
  });

  it('names the system faces with their alternates in system mode', async () => {
    const fonts = fontElements(await fontTable(join(systemOut, 'department-overall.docx')));
    expect(fonts.map(({ name }) => name).sort()).toEqual(['宋体', '黑体']);
    const body = (name: string) => fonts.find((font) => font.name === name)!.body;
    expect(body('宋体')).toBe('<w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>');
    expect(body('黑体')).toBe('<w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>');
    expect(body('宋体') + body('黑体')).not.toContain('embed');
  });
});
