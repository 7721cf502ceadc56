import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { runCli } from './support/run-cli.js';
import { compareCellSequence, normalizeText } from './support/sample-fixture.js';

/**
 * The national 项目支出 form built by the real CLI as PDF and DOCX: the sample in data/ and a
 * 40-indicator form over several pages. The DOCX is read through LibreOffice (own profile,
 * timeout), page by page, to see what a user of the office file sees.
 */
const pdftotext = externalTool('pdftotext');
const soffice = externalTool('soffice');
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const SAMPLE = 'data/examples/national-2023/rural-water-supply.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ziping-national-'));

/** 40 indicators: 28 产出, 8 效益, 4 满意度, in seven 二级 groups; each name carries a marker. */
const PLAN = [
  ['产出指标', '数量指标', 10],
  ['产出指标', '质量指标', 8],
  ['产出指标', '时效指标', 5],
  ['产出指标', '成本指标', 5],
  ['效益指标', '社会效益指标', 6],
  ['效益指标', '可持续影响指标', 2],
  ['满意度指标', '服务对象满意度指标', 4],
] as const;
const LONG_ROWS = PLAN.flatMap(([level1, level2, count]) => Array.from({ length: count }, () => ({ level1, level2 }))).map((row, i) => ({
  ...row,
  marker: `指标${String(i + 1).padStart(2, '0')}号`,
}));
/** Σ分值 per 一级 at 2.25 each: the merged label the form prints. */
const LEVEL1_LABEL = { 产出指标: '产出指标（63分）', 效益指标: '效益指标（18分）', 满意度指标: '满意度指标（9分）' } as const;

function longFormYaml(): string {
  const doc = parseDocument(readFileSync(SAMPLE, 'utf8'), { schema: 'failsafe' });
  doc.setIn(['project', 'code'], 'LONG-40');
  doc.delete('note');
  const indicators = LONG_ROWS.map((row, i) => ({
    level1: row.level1,
    level2: row.level2,
    name: `${row.marker}：按计划完成${row.level2}相关的建设任务并通过验收`,
    unit: '%',
    nature: '≥',
    target: '90',
    actual: String(85 + (i % 10)),
    weight: '2.25',
    note: `偏差${String(i + 1).padStart(2, '0')}号：受天气和征地协调影响进度滞后，已调整计划。`,
  }));
  doc.set('indicators', doc.createNode(indicators));
  return doc.toString();
}

const out = join(dir, 'out');
const file = (name: string, ext: string) => join(out, `${name}.${ext}`);
const officeDir = join(dir, 'office');
const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pageText = (pdf: string, page: number) =>
  normalizeText(execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
const pages = (pdf: string) => Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1));

let build: { status: number; stderr: string; stdout: string };
beforeAll(() => {
  writeFileSync(join(dir, 'long-40.yaml'), longFormYaml());
  writeFileSync(join(dir, 'rural-water-supply.yaml'), readFileSync(SAMPLE));
  build = runCli(['build', join(dir, 'rural-water-supply.yaml'), join(dir, 'long-40.yaml'), '--out', out, '--format', 'pdf,docx'], { env: EPOCH });
  if (soffice.available) {
    // One soffice for both files, with its own profile so it never meets a user's or another test's.
    const result = spawnSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', officeDir, file('rural-water-supply', 'docx'), file('long-40', 'docx')],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
  }
}, 900_000);

describe('the national sample (data/examples) as PDF and DOCX', () => {
  it('builds without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('0 条警告');
  });

  const labels = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  /** The published order; a page break may repeat the indicators header and the merged labels in between. */
  const published = [
    '项目支出绩效自评表', '（2023年度）',
    '项目名称', '2023年农村饮水安全巩固提升工程', '主管部门', '示例县水利局', '实施单位', '示例县农村供水管理站',
    '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分',
    '年度资金总额', '500.00', '480.00', '465.30', '10', '96.94%', '9.69',
    '其中：当年财政拨款', '450.00', '430.00', '420.30', '—', '—', '—',
    '上年结转资金', '50.00', '50.00', '45.00', '—', '—', '—',
    '其他资金', '0.00', '0.00', '0.00', '—', '—', '—',
    '年度总体目标', '预期目标', '实际完成情况',
    '新建和改造农村供水管网35公里，改造乡镇水厂2座，巩固提升3.2万农村人口饮水安全保障水平，农村自来水普及率达到90%以上。',
    '完成新建和改造供水管网36.5公里，改造乡镇水厂2座，受益人口3.35万人，农村自来水普及率达到91.5%；1处管网延伸工程因征地协调推迟完工。',
    ...labels,
    '产出指标（50分）', '数量指标', '新建和改造供水管网长度', '≥35公里', '36.5公里', '10', '10',
    '改造乡镇水厂数量', '=2座', '2座', '10', '10',
    '质量指标', '出厂水水质达标率', '≥95%', '96.2%', '8', '8',
    '工程竣工验收合格率', '≥100%', '100%', '7', '7',
    '时效指标', '工程按期完工率', '≥90%', '85%', '7', '6.61', '1处管网延伸工程因征地协调推迟开工，已于2024年3月完工；今后提前开展用地协调，合理安排工期。',
    '成本指标', '每公里管网建设成本', '≤12万元', '11.6万元', '8', '8',
    '效益指标（30分）', '社会效益指标', '受益农村人口', '≥3.2万人', '3.35万人', '10', '10',
    '农村自来水普及率', '≥90%', '91.5%', '8', '8',
    '生态效益指标', '水源地保护和水土保持措施落实情况', '有效落实', '基本落实', '6', '4.5', '2处水源地保护标识和隔离设施未建设到位；已纳入2024年管护计划。',
    '可持续影响指标', '工程运行管护机制', '健全', '已建立县级统管、乡镇监管、村级管护机制', '6', '6',
    '满意度指标（10分）', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', '10', '10',
    '总分', '100', '97.8',
    '注：项目资金单位为万元；得分保留两位小数。本表为虚构示例。',
  ];
  const repeatable = [...labels, '产出指标（50分）', '效益指标（30分）', '满意度指标（10分）'];

  it.skipIf(!pdftotext.available)(`PDF: every cell in the published order, 总分 row last ${pdftotext.reason}`, () => {
    expect(compareCellSequence(pages(file('rural-water-supply', 'pdf')).join(''), published, repeatable)).toBeNull();
    expect(pages(file('rural-water-supply', 'pdf')).at(-1)).toMatch(/总分10097\.8注:/);
  });

  it.skipIf(!pdftotext.available)(`PDF: 一级/二级 cells merged — printed once per page, not once per row ${pdftotext.reason}`, () => {
    const [first] = pages(file('rural-water-supply', 'pdf'));
    expect(first.split('产出指标(50分)')).toHaveLength(2);
    expect(first.split('数量指标')).toHaveLength(2);
    expect(first).toContain('10改造乡镇水厂数量=2座');
  });

  it('DOCX: 一级/二级 cells as vertical merges over their rows', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(file('rural-water-supply', 'docx')))).file('word/document.xml')!.async('string');
    // Each row's text, its merge marks kept: ⟨起⟩ a merge starts, ⟨合并⟩ the cell continues the one above.
    const mark = (tag: string) => ({ restart: '⟨起⟩', continue: '⟨合并⟩' })[/<w:vMerge w:val="(restart|continue)"/.exec(tag)?.[1] as 'restart' | 'continue'] ?? '';
    const rows = xml.split('<w:tr>').slice(1).map((row) => row.slice(0, row.indexOf('</w:tr>')).replace(/<[^>]+>/g, mark));
    const row = (name: string) => rows.find((text) => text.includes(name))!;
    expect(row('新建和改造供水管网长度')).toMatch(/^⟨起⟩产出指标（50分）⟨起⟩数量指标新建/);
    expect(row('改造乡镇水厂数量')).toMatch(/^⟨合并⟩⟨合并⟩改造乡镇水厂数量/);
    expect(row('出厂水水质达标率')).toMatch(/^⟨合并⟩⟨起⟩质量指标出厂水/);
    expect(row('总分')).toMatch(/^总分10097\.8$/);
  });

  it.skipIf(!soffice.available || !pdftotext.available)(`DOCX through LibreOffice: the same text, page for page ${soffice.reason}${pdftotext.reason}`, () => {
    expect(pages(join(officeDir, 'rural-water-supply.pdf'))).toEqual(pages(file('rural-water-supply', 'pdf')));
  });
});

describe('a national form of 40 indicators over several pages', () => {
  /** Per page: the rows on it, and whether each row's 一级 and 二级 labels are on that page too. */
  function unlabelled(pdf: string): string[] {
    const problems: string[] = [];
    pages(pdf).forEach((text, page) => {
      for (const row of LONG_ROWS.filter((r) => text.includes(r.marker))) {
        for (const label of [LEVEL1_LABEL[row.level1], row.level2]) {
          if (!text.includes(normalizeText(label))) problems.push(`page ${page + 1}: ${row.marker} without ${label}`);
        }
      }
    });
    return problems;
  }

  it.skipIf(!pdftotext.available)(`PDF: spans pages, each row once, and the merged labels repeated on every continuation page ${pdftotext.reason}`, () => {
    const pdf = file('long-40', 'pdf');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const all = pages(pdf);
    for (const row of LONG_ROWS) expect(all.filter((text) => text.includes(row.marker)), row.marker).toHaveLength(1);
    // 产出指标 alone runs over more than a page: its label must be on each page it reaches.
    expect(all.filter((text) => text.includes('产出指标(63分)')).length).toBeGreaterThanOrEqual(2);
    expect(unlabelled(pdf)).toEqual([]);
  });

  it.skipIf(!soffice.available || !pdftotext.available)(`DOCX through LibreOffice: the same pages, labels repeated too ${soffice.reason}${pdftotext.reason}`, () => {
    const office = join(officeDir, 'long-40.pdf');
    expect(unlabelled(office)).toEqual([]);
    expect(pages(office)).toEqual(pages(file('long-40', 'pdf')));
  });
});
