import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { longFormYaml } from './support/long-form.js';
import { convertWithSoffice, pageLines } from './support/pdf-reading.js';
import { runCli } from './support/run-cli.js';

/**
 * The layout decides every line and page break once; the PDF and the DOCX (as LibreOffice
 * renders it) must then hold the same lines on the same pages. Built by the shipped command
 * from the samples, the national example and long generated forms; both files read back with
 * `pdftotext -bbox-layout`, line by line, page by page.
 */
const pdftotext = externalTool('pdftotext');
const soffice = externalTool('soffice');
const dir = mkdtempSync(join(tmpdir(), 'ziping-agree-'));
const data = join(dir, 'data');
const SUMMER = readFileSync('data/2023/yuzhong-gov-office/summer-visits.yaml', 'utf8');

const PUNCTUATED = (i: number) => `按照2023年度工作计划，完成第${i + 1}项任务（含35公里管网），提高财政资金使用效益至95%。`;
const NAME_120 = '渝中区城市管理和住房城乡建设领域一线工作人员夏季高温慰问及防暑降温物资采购配送项目'.repeat(3).slice(0, 120);
const GOAL_600 = '按要求完成全区夏季高温慰问工作，覆盖城管、住建、卫健等一线人员2000人次，慰问品于7月底前发放到位。'.repeat(14).slice(0, 600);
const NOTE_1500 = '本项目说明较长：包括慰问对象、慰问标准（每人200元）、经费来源和发放方式等情况，'.repeat(40).slice(0, 1500);
const NO_BREAK = 'x'.repeat(3000);

/** Generated forms: name → YAML. */
function generated(): Record<string, string> {
  const punctuated = parseDocument(longFormYaml(60), { schema: 'failsafe' });
  punctuated.setIn(['project', 'code'], 'AGREE-PUNCT');
  (punctuated.get('indicators') as { items: { set(k: string, v: string): void }[] }).items.forEach((item, i) => item.set('note', PUNCTUATED(i).repeat(1 + (i % 3))));
  const edit = (code: string, apply: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(SUMMER, { schema: 'failsafe' });
    doc.delete('reported');
    doc.setIn(['project', 'code'], code);
    apply(doc);
    return doc.toString();
  };
  return {
    'punctuated-60': punctuated.toString(),
    'name-goal': edit('AGREE-NAME', (doc) => {
      doc.setIn(['project', 'name'], NAME_120);
      doc.setIn(['goals', 'achieved'], GOAL_600);
    }),
    'note-1500': edit('AGREE-NOTE', (doc) => doc.setIn(['indicators', 0, 'note'], NOTE_1500)),
    'no-break': edit('AGREE-NOBREAK', (doc) => doc.setIn(['indicators', 0, 'note'], NO_BREAK)),
  };
}

const FORMS = ['department-overall', 'research-and-information', 'summer-visits', 'rural-water-supply', 'punctuated-60', 'name-goal', 'note-1500', 'no-break'];

const squeeze = (text: string) => text.replace(/\s+/g, '');
let build: ReturnType<typeof runCli>;

beforeAll(() => {
  mkdirSync(data, { recursive: true });
  for (const file of ['data/2023/yuzhong-gov-office/department-overall.yaml', 'data/2023/yuzhong-gov-office/research-and-information.yaml', 'data/2023/yuzhong-gov-office/summer-visits.yaml', 'data/examples/national-2023/rural-water-supply.yaml']) {
    cpSync(file, join(data, basename(file)));
  }
  for (const [name, text] of Object.entries(generated())) writeFileSync(join(data, `${name}.yaml`), text);
  build = runCli(['build', 'data', '--out', 'out'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  if (soffice.available && build.status === 0) {
    convertWithSoffice(FORMS.map((name) => join(dir, 'out', `${name}.docx`)), join(dir, 'lo'), dir);
  }
}, 900_000);

describe('one layout, two files', () => {
  it('builds every form, the long ones included (rows taller than a page are split, nothing fails)', () => {
    expect(build.stderr).toBe('');
    expect(build.status, build.stdout).toBe(0);
  });

  it.skipIf(!pdftotext.available || !soffice.available)(
    `gives the PDF and the DOCX in LibreOffice the same pages, the same lines on each page ${pdftotext.reason}${soffice.reason}`,
    () => {
      const table: string[] = [];
      for (const name of FORMS) {
        const pdf = pageLines(join(dir, 'out', `${name}.pdf`));
        const office = pageLines(join(dir, 'lo', `${name}.pdf`));
        table.push(`${name}: ${pdf.length}/${office.length} pages, ${pdf.flat().length}/${office.flat().length} lines`);
        expect(office.length, name).toBe(pdf.length);
        pdf.forEach((page, i) => expect(office[i], `${name} page ${i + 1}`).toEqual(page));
      }
      // The figures for the note: pages and lines, PDF/DOCX.
      console.log(table.join('\n'));
      expect(table.some((line) => !line.includes(' 1/1 pages'))).toBe(true);
    },
  );

  it.skipIf(!pdftotext.available)(`loses no text of the long fields in the PDF ${pdftotext.reason}`, () => {
    // A row split over pages continues under the repeated header of the indicators table.
    const header = '绩效指标指标名称计量单位指标性质指标值全年完成值偏离度（%）得分系数（%）指标权重指标得分是否核心指标说明';
    const text = (name: string) => squeeze(execFileSync('pdftotext', ['-raw', join(dir, 'out', `${name}.pdf`), '-'], { encoding: 'utf8' })).replaceAll(header, '');
    expect(text('name-goal')).toContain(squeeze(GOAL_600));
    expect(text('name-goal')).toContain(NAME_120.slice(0, 40));
    expect(text('note-1500')).toContain(squeeze(NOTE_1500));
    expect(text('no-break')).toContain(NO_BREAK);
    for (let i = 0; i < 60; i++) expect(text('punctuated-60')).toContain(squeeze(PUNCTUATED(i)));
  });

  it('writes each sample form as one DOCX table: stacked tables are merged, so no two rules meet', async () => {
    const JSZip = (await import('jszip')).default;
    for (const name of ['department-overall', 'research-and-information', 'summer-visits', 'rural-water-supply']) {
      const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'out', `${name}.docx`)))).file('word/document.xml')!.async('string');
      expect(xml.split('<w:tbl>').length - 1, name).toBe(1);
    }
  });

  it.skipIf(!pdftotext.available)(`starts no line of the PDF with closing punctuation ${pdftotext.reason}`, () => {
    const lines = pageLines(join(dir, 'out', 'punctuated-60.pdf')).flat();
    expect(lines.length).toBeGreaterThan(200);
    expect(lines.filter((line) => /^[，。、；：？！）》」』%]/u.test(line))).toEqual([]);
  });
});
