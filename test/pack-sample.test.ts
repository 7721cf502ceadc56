import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { ROOT, runCli } from './support/run-cli.js';

/** The sample department packed by the compiled `pack` command, checked with pdf-lib and poppler. */
const pdftotext = externalTool('pdftotext');
const pdffonts = externalTool('pdffonts');
const qpdf = externalTool('qpdf');
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const out = mkdtempSync(join(tmpdir(), 'ziping-pack-'));
const again = mkdtempSync(join(tmpdir(), 'ziping-pack-'));
const PACK = (dir: string) => join(dir, 'packs', '2023', '024-重庆市渝中区人民政府办公室.pdf');
const FORMS_DIR = join(out, '2023', 'yuzhong-gov-office');

function runPack(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  return runCli(['pack', ...args], { env, cwd });
}

interface OutlineItem {
  title: string;
  page: number;
}

/** The outline's top-level items, in order, with the 0-based page each one opens. */
function readOutline(doc: PDFDocument): OutlineItem[] {
  const pageRefs = doc.getPages().map((page) => page.ref.toString());
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const items: OutlineItem[] = [];
  let ref = outlines.get(PDFName.of('First')) as PDFRef | undefined;
  while (ref) {
    const item = doc.context.lookup(ref, PDFDict);
    const title = item.lookup(PDFName.of('Title')) as PDFHexString | PDFString;
    const dest = item.lookup(PDFName.of('Dest'), PDFArray);
    items.push({ title: title.decodeText(), page: pageRefs.indexOf(dest.get(0).toString()) });
    ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
  }
  return items;
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** The sample forms in pack order: 部门整体 first, then 二级项目 by code. */
const ORDER = [
  { code: '50010300023P000024', name: '重庆市渝中区人民政府办公室整体监控', pdf: 'department-overall.pdf' },
  { code: '50010322T000000148597', name: '夏季慰问及元旦、春节慰问', pdf: 'summer-visits.pdf' },
  { code: '50010322T000000148601', name: '国家、市级调研课题、政府报告、信息工作', pdf: 'research-and-information.pdf' },
];

let pack: PDFDocument;
let formPages: number[];
let firstRun: { packs: { file: string; written: boolean; pages: number }[] };

beforeAll(async () => {
  for (const dir of [out, again]) {
    const result = runPack(['data', '--out', dir, '--json'], EPOCH);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    if (dir === out) firstRun = JSON.parse(result.stdout);
  }
  pack = await PDFDocument.load(readFileSync(PACK(out)));
  formPages = await Promise.all(ORDER.map(async (form) => (await PDFDocument.load(readFileSync(join(FORMS_DIR, form.pdf)))).getPageCount()));
});

describe('pack of the sample department', () => {
  it('writes the pack and the summaries under packs/<year>/', () => {
    // data/ also holds the examples of the other formats (data/examples), each a department of its own.
    expect(readdirSync(join(out, 'packs', '2023')).sort()).toEqual(['024-重庆市渝中区人民政府办公室.pdf', 'summary.csv', 'summary.xlsx', '示例县水利局.pdf']);
    expect(firstRun.packs.length).toBeGreaterThanOrEqual(2);
    expect(firstRun.packs.every((entry) => entry.written)).toBe(true);
  });

  it('has cover + contents + every page of every form', () => {
    const total = formPages.reduce((a, b) => a + b, 0);
    expect(pack.getPageCount()).toBe(1 + 1 + total);
    expect(firstRun.packs.find((entry) => entry.file === PACK(out))!.pages).toBe(pack.getPageCount());
  });

  it('has one bookmark per form, in pack order, each opening the form’s first page', () => {
    const outline = readOutline(pack);
    expect(outline).toHaveLength(ORDER.length);
    let first = 2;
    ORDER.forEach((form, index) => {
      expect(outline[index].title).toContain(form.name);
      expect(outline[index].title).toContain(form.code);
      expect(outline[index].page).toBe(first);
      first += formPages[index];
    });
  });

  it.skipIf(!pdftotext.available)(`shows 第 X 页 共 Y 页 on every page, and each form's own content on its bookmarked page ${pdftotext.reason}`, () => {
    const total = pack.getPageCount();
    for (let page = 1; page <= total; page++) {
      expect(pageText(PACK(out), page).replace(/\s+/g, '')).toContain(`第${page}页共${total}页`);
    }
    expect(pageText(PACK(out), 1).replace(/\s+/g, '')).toContain('2023年度绩效自评表汇编');
    const outline = readOutline(pack);
    ORDER.forEach((form, index) => expect(pageText(PACK(out), outline[index].page + 1)).toContain(form.code));
  });

  it.skipIf(!pdftotext.available)(`lists every form on the contents page with type, code, name, 自评总分 and the page it starts on ${pdftotext.reason}`, () => {
    const contents = pageText(PACK(out), 2);
    const outline = readOutline(pack);
    ORDER.forEach((form, index) => {
      const line = contents.split('\n').find((l) => l.includes(form.code));
      expect(line, form.code).toBeDefined();
      const match = /^\s*(\d+)\s+(部门整体|二级项目)\s+(\S+)\s+(.+?)\s+(\d+\.\d\d)\s+(\d+)\s*$/.exec(line!);
      expect(match, line).not.toBeNull();
      const [, number, kind, code, name, score, page] = match!;
      expect([Number(number), kind, code, name, score]).toEqual([index + 1, index === 0 ? '部门整体' : '二级项目', form.code, form.name, '100.00']);
      expect(Number(page)).toBe(outline[index].page + 1);
    });
  });

  it.skipIf(!pdffonts.available)(`keeps every font embedded as a subset ${pdffonts.reason}`, () => {
    const lines = execFileSync('pdffonts', [PACK(out)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it.skipIf(!qpdf.available)(`is a structurally valid PDF ${qpdf.reason}`, () => {
    expect(spawnSync('qpdf', ['--check', PACK(out)], { encoding: 'utf8' }).status).toBe(0);
  });

  it('is reproducible with SOURCE_DATE_EPOCH: the same bytes from a fresh output folder', () => {
    for (const file of ['024-重庆市渝中区人民政府办公室.pdf', 'summary.xlsx', 'summary.csv']) {
      expect(readFileSync(join(again, 'packs', '2023', file)).equals(readFileSync(join(out, 'packs', '2023', file))), file).toBe(true);
    }
    expect(pack.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('leaves an unchanged pack alone on the next run', () => {
    const result = runPack(['data', '--out', out, '--json'], EPOCH);
    expect(result.status).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.packs.length).toBeGreaterThanOrEqual(2);
    expect(outcome.packs.filter((p: { written: boolean }) => p.written)).toEqual([]);
    expect(outcome.summaries.length).toBeGreaterThanOrEqual(1);
    expect(outcome.summaries.filter((s: { written: boolean }) => s.written)).toEqual([]);
  });
});

/** data/examples holds the national 项目支出 example: its own department, packed and summarised like the others. */
describe('pack of the national 项目支出 example', () => {
  const NATIONAL_PACK = () => join(out, 'packs', '2023', '示例县水利局.pdf');

  it.skipIf(!pdftotext.available)(`counts the 项目支出 form on the cover and lists it with its 总分 in the contents ${pdftotext.reason}`, async () => {
    const national = await PDFDocument.load(readFileSync(NATIONAL_PACK()));
    const cover = pageText(NATIONAL_PACK(), 1).replace(/\s+/g, '');
    expect(cover).toContain('表单数：1张（项目支出1张）');
    const contents = pageText(NATIONAL_PACK(), 2);
    const line = contents.split('\n').find((l) => l.includes('EXAMPLE-2023-0001'));
    expect(line).toMatch(/^\s*1\s+项目支出\s+EXAMPLE-2023-0001\s+2023年农村饮水安全巩固提升工程\s+97\.8\s+3\s*$/);
    expect(readOutline(national)).toEqual([{ title: '1. 2023年农村饮水安全巩固提升工程（项目支出 EXAMPLE-2023-0001）', page: 2 }]);
  });

  it.skipIf(!pdftotext.available)(`keeps the Chongqing cover's counts of 部门整体 and 二级项目 ${pdftotext.reason}`, () => {
    expect(pageText(PACK(out), 1).replace(/\s+/g, '')).toContain('表单数：3张（部门整体1张，二级项目2张）');
  });

  it('summarises its 年度资金总额 and 其中：当年财政拨款 rows in 元 (the form prints 万元), with its 总分 as printed', () => {
    const lines = readFileSync(join(out, 'packs', '2023', 'summary.csv'), 'utf8').split('\r\n');
    const rows = lines.filter((l) => l.startsWith('示例县水利局,'));
    expect(rows).toEqual([
      // 年度资金总额 500.00 / 480.00 / 465.30 万元, 执行率 96.94%, 总分 97.8; 2 indicators not met (85% < 90%, 部分达成).
      // 其中：当年财政拨款 450.00 / 430.00 / 420.30 万元, no 执行率 printed on it.
      `示例县水利局,项目支出,EXAMPLE-2023-0001,2023年农村饮水安全巩固提升工程,5000000.00,4800000.00,4653000.00,96.94,4500000.00,4300000.00,4203000.00,,97.8,2,0,${join('data', 'examples', 'national-2023', 'rural-water-supply.yaml')}`,
      '示例县水利局,项目小计,,1 个表单,5000000.00,4800000.00,4653000.00,96.94,4500000.00,4300000.00,4203000.00,,,2,0,',
    ]);
  });
});
