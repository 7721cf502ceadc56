import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalTool } from './support/external-tool.js';
import { convertWithSoffice, pageCount, pageSize } from './support/pdf-reading.js';
import { runCli } from './support/run-cli.js';
import { compareCellSequence, normalizeText } from './support/sample-fixture.js';

/**
 * The national 项目支出 form built by the real CLI as PDF and DOCX in the structure of
 * 财预〔2020〕10号 附件: the sample in data/, a 12-indicator form (one portrait page each) and a
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
/** The sample with a 12th indicator of short texts: a typical form, one page too. */
function twelveIndicatorYaml(): string {
  const doc = parseDocument(readFileSync(SAMPLE, 'utf8'), { schema: 'failsafe' });
  doc.setIn(['project', 'code'], 'TWELVE');
  // 分值 still add up to 100 with the rate's 10: 8 + 2 for the first indicator's 10.
  doc.setIn(['indicators', 0, 'weight'], '8');
  const extra = { level1: '产出指标', level2: '时效指标', name: '资金拨付及时率', unit: '%', nature: '≥', target: '95', actual: '98', weight: '2' };
  // After the sample's 时效指标 row: a 二级 group's rows stay together.
  (doc.get('indicators') as { items: unknown[] }).items.splice(5, 0, doc.createNode(extra));
  return doc.toString();
}

/** The sample on a copy of the built-in template with the level1Points option on. */
function withPointsYaml(): string {
  const doc = parseDocument(readFileSync(SAMPLE, 'utf8'), { schema: 'failsafe' });
  doc.setIn(['project', 'code'], 'POINTS');
  doc.set('template', 'points.hbs');
  return doc.toString();
}

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
const pageText = (pdf: string, page: number) =>
  normalizeText(execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
const pages = (pdf: string) => Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1));
const layoutText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
interface PlacedWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}
/** The words of page 1 with their boxes (pdftotext -bbox). */
const placedWords = (pdf: string): PlacedWord[] =>
  [...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, text]) => ({ text, xMin: Number(xMin), xMax: Number(xMax), yMin: Number(yMin) }),
  );
/** The words on the line of the word `label` (one-line cells share a top), left to right. */
const lineOf = (words: PlacedWord[], label: string) => {
  const anchor = words.find((word) => word.text === label)!;
  return words.filter((word) => Math.abs(word.yMin - anchor.yMin) < 0.5).sort((a, b) => a.xMin - b.xMin);
};
/** The words of a page as pdftotext -raw gives them: a merged label is one word of its own. */
const pageWords = (pdf: string) =>
  Array.from({ length: pageCount(pdf) }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split(/\s+/),
  );

let build: { status: number; stderr: string; stdout: string };
beforeAll(() => {
  writeFileSync(join(dir, 'long-40.yaml'), longFormYaml());
  writeFileSync(join(dir, 'twelve.yaml'), twelveIndicatorYaml());
  writeFileSync(join(dir, 'rural-water-supply.yaml'), readFileSync(SAMPLE));
  writeFileSync(join(dir, 'points.yaml'), withPointsYaml());
  const template = readFileSync('templates/项目支出/template.hbs', 'utf8');
  expect(template).toContain('{{> national-indicators}}');
  writeFileSync(join(dir, 'points.hbs'), template.replace('{{> national-indicators}}', '{{> national-indicators level1Points=true}}'));
  const sources = ['rural-water-supply', 'twelve', 'points', 'long-40'].map((name) => join(dir, `${name}.yaml`));
  build = runCli(['build', ...sources, '--out', out, '--format', 'pdf,docx'], { env: EPOCH });
  if (soffice.available) {
    convertWithSoffice([file('rural-water-supply', 'docx'), file('twelve', 'docx'), file('long-40', 'docx')], officeDir, dir);
  }
}, 900_000);

describe('the national sample (data/examples) as PDF and DOCX', () => {
  it('builds without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('0 条警告');
  });

  it.skipIf(!pdftotext.available)(`PDF: one portrait A4 page, for the sample and for 12 indicators ${pdftotext.reason}`, () => {
    for (const name of ['rural-water-supply', 'twelve']) {
      expect(pageCount(file(name, 'pdf')), name).toBe(1);
      expect(pageSize(file(name, 'pdf')), name).toEqual([595, 842]);
    }
  });

  it.skipIf(!pdftotext.available)(`PDF: the 9 indicator columns under 绩效指标 on one line, and the 总分 row under 分值/得分 on that page ${pdftotext.reason}`, () => {
    const lines = layoutText(file('rural-water-supply', 'pdf'), 1).split('\n');
    const header = lines.findIndex((line) => /^\s*一级指标\s+二级指标\s+三级指标\s+年度指标值\s+实际完成值\s+分值\s+得分\s+偏差原因分析及改进措施\s*$/.test(line));
    expect(header, lines.join('\n')).toBeGreaterThan(0);
    const total = lines.findIndex((line) => /^\s*总分\s+100\s+97\.8\s*$/.test(line));
    expect(total).toBeGreaterThan(header);
    // 总分 spans the columns before 分值: 100 stands under 分值, the score under 得分.
    const words = placedWords(file('rural-water-supply', 'pdf'));
    const heading = Object.fromEntries(lineOf(words, '一级指标').map((word) => [word.text, word]));
    // 绩效指标 in the first column, merged down the block and centred in it (valign middle), as the template says.
    const merged = words.find((word) => word.text === '绩效指标')!;
    const [totalLabel] = lineOf(words, '总分');
    expect(merged.xMax).toBeLessThan(heading['一级指标']!.xMin);
    expect(merged.yMin).toBeGreaterThan(heading['一级指标']!.yMin);
    expect(merged.yMin).toBeLessThan(totalLabel!.yMin);
    const [label, weight, score] = lineOf(words, '总分');
    expect([label.text, weight.text, score.text]).toEqual(['总分', '100', '97.8']);
    expect(label.xMax).toBeLessThan(heading['实际完成值'].xMax);
    expect(weight.xMin).toBeGreaterThan(heading['实际完成值'].xMax);
    expect(weight.xMax).toBeLessThan(heading['得分'].xMin);
    expect(score.xMin).toBeGreaterThan(heading['分值'].xMax);
    expect(score.xMax).toBeLessThan(heading['偏差原因分析及改进措施'].xMin);
  });

  it.skipIf(!pdftotext.available)(`PDF: 分值/执行率/得分 of 项目资金 right-aligned like the amounts, — under 分值/得分 of the rows below 年度资金总额 ${pdftotext.reason}`, () => {
    const words = placedWords(file('rural-water-supply', 'pdf'));
    const values = (label: string) => lineOf(words, label).filter((word) => word.text !== label);
    const total = values('年度资金总额');
    expect(total.map((word) => word.text)).toEqual(['500.00', '480.00', '465.30', '10', '96.94%', '9.69']);
    for (const label of ['其中：当年财政拨款', '上年结转资金', '其他资金']) expect(values(label).slice(3).map((word) => word.text), label).toEqual(['—', '—']);
    // Right-aligned: values of one column end at one x — 年度资金总额's and the dashes below it,
    // and 执行率 where the indicators' 得分 (the same grid column) end.
    const [, , , weight, rate, score] = total;
    const [, , , weightDash, scoreDash] = values('上年结转资金');
    expect(weight.xMax).toBeCloseTo(weightDash.xMax, 1);
    expect(score.xMax).toBeCloseTo(scoreDash.xMax, 1);
    const [, , indicatorWeight, indicatorScore] = values('改造乡镇水厂数量');
    expect(weight.xMax).toBeCloseTo(indicatorWeight.xMax, 1);
    expect(rate.xMax).toBeCloseTo(indicatorScore.xMax, 1);
    expect(total[2].xMax).toBeCloseTo(values('上年结转资金')[2].xMax, 1);
  });

  const labels = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  /** The published order; a page break may repeat the indicators header and the merged labels in between. */
  const published = [
    '项目支出绩效自评表', '（2023年度）',
    '项目名称', '2023年农村饮水安全巩固提升工程', '主管部门', '示例县水利局', '实施单位', '示例县农村供水管理站',
    '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分',
    '年度资金总额', '500.00', '480.00', '465.30', '10', '96.94%', '9.69',
    '其中：当年财政拨款', '450.00', '430.00', '420.30', '—', '—',
    '上年结转资金', '50.00', '50.00', '45.00', '—', '—',
    '其他资金', '0.00', '0.00', '0.00', '—', '—',
    '年度总体目标', '预期目标', '实际完成情况',
    '新建和改造农村供水管网35公里，改造乡镇水厂2座，巩固提升3.2万农村人口饮水安全保障水平，农村自来水普及率达到90%以上。',
    '完成新建和改造供水管网36.5公里，改造乡镇水厂2座，受益人口3.35万人，农村自来水普及率达到91.5%；1处管网延伸工程因征地协调推迟完工。',
    ...labels,
    '产出指标', '数量指标', '新建和改造供水管网长度', '≥35公里', '36.5公里', '10', '10',
    '改造乡镇水厂数量', '=2座', '2座', '10', '10',
    '质量指标', '出厂水水质达标率', '≥95%', '96.2%', '8', '8',
    '工程竣工验收合格率', '≥100%', '100%', '7', '7',
    '时效指标', '工程按期完工率', '≥90%', '85%', '7', '6.61', '1处管网延伸工程因征地协调推迟开工，已于2024年3月完工；今后提前开展用地协调，合理安排工期。',
    '成本指标', '每公里管网建设成本', '≤12万元', '11.6万元', '8', '8',
    '效益指标', '社会效益指标', '受益农村人口', '≥3.2万人', '3.35万人', '10', '10',
    '农村自来水普及率', '≥90%', '91.5%', '8', '8',
    '生态效益指标', '水源地保护和水土保持措施落实情况', '有效落实', '基本落实', '6', '4.5', '2处水源地保护标识和隔离设施未建设到位；已纳入2024年管护计划。',
    '可持续影响指标', '工程运行管护机制', '健全', '已建立县级统管、乡镇监管、村级管护机制', '6', '6',
    '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', '10', '10',
    '总分', '100', '97.8',
    '注：项目资金单位为万元；得分保留两位小数。本表为虚构示例。',
  ];
  const repeatable = [...labels, '产出指标', '效益指标', '满意度指标'];

  it.skipIf(!pdftotext.available)(`PDF: every cell in the published order, 总分 row last ${pdftotext.reason}`, () => {
    expect(compareCellSequence(pages(file('rural-water-supply', 'pdf')).join(''), published, repeatable)).toBeNull();
    expect(pages(file('rural-water-supply', 'pdf')).at(-1)).toMatch(/总分10097\.8注:/);
  });

  it.skipIf(!pdftotext.available)(`PDF: 一级/二级 cells merged — printed once per page, not once per row ${pdftotext.reason}`, () => {
    const [first] = pages(file('rural-water-supply', 'pdf'));
    expect(first.split('绩效指标')).toHaveLength(2);
    expect(first.split('产出指标')).toHaveLength(2);
    expect(first.split('数量指标')).toHaveLength(2);
    expect(first).toContain('10改造乡镇水厂数量=2座');
  });

  it.skipIf(!pdftotext.available)(`PDF: 一级指标 without points by default, with them under the template's level1Points option ${pdftotext.reason}`, () => {
    const plain = pages(file('rural-water-supply', 'pdf')).join('');
    const withPoints = pages(file('points', 'pdf')).join('');
    for (const [level1, points] of [['产出指标', '50'], ['效益指标', '30'], ['满意度指标', '10']]) {
      expect(plain).not.toContain(normalizeText(`${level1}（${points}分）`));
      expect(withPoints).toContain(normalizeText(`${level1}（${points}分）`));
    }
    expect(pageCount(file('points', 'pdf'))).toBe(1);
  });

  it('DOCX: one table; 绩效指标 merged down the indicator block, 一级/二级 cells over their rows', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(file('rural-water-supply', 'docx')))).file('word/document.xml')!.async('string');
    // Head, funds, goals and indicators in one table: no two tables meet, so no doubled rule.
    expect(xml.split('<w:tbl>')).toHaveLength(2);
    // Each row's text, its merge marks kept: ⟨起⟩ a merge starts, ⟨合并⟩ the cell continues the one above.
    const mark = (tag: string) => ({ restart: '⟨起⟩', continue: '⟨合并⟩' })[/<w:vMerge w:val="(restart|continue)"/.exec(tag)?.[1] as 'restart' | 'continue'] ?? '';
    const rows = xml.split('<w:tr>').slice(1).map((row) => row.slice(0, row.indexOf('</w:tr>')).replace(/<[^>]+>/g, mark));
    const row = (name: string) => rows.find((text) => text.includes(name))!;
    expect(row('一级指标')).toMatch(/^⟨起⟩绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施$/);
    expect(row('新建和改造供水管网长度')).toMatch(/^⟨合并⟩⟨起⟩产出指标⟨起⟩数量指标新建/);
    expect(row('改造乡镇水厂数量')).toMatch(/^⟨合并⟩⟨合并⟩⟨合并⟩改造乡镇水厂数量/);
    expect(row('出厂水水质达标率')).toMatch(/^⟨合并⟩⟨合并⟩⟨起⟩质量指标出厂水/);
    expect(row('受益群众满意度')).toMatch(/^⟨合并⟩满意度指标服务对象满意度指标受益群众满意度/);
    expect(row('总分')).toMatch(/^总分10097\.8$/);
  });

  it.skipIf(!soffice.available || !pdftotext.available)(`DOCX through LibreOffice: one portrait page too, the same text ${soffice.reason}${pdftotext.reason}`, () => {
    for (const name of ['rural-water-supply', 'twelve']) {
      expect(pageCount(join(officeDir, `${name}.pdf`)), name).toBe(1);
      expect(pageSize(join(officeDir, `${name}.pdf`)), name).toEqual([595, 842]);
    }
    expect(pages(join(officeDir, 'rural-water-supply.pdf'))).toEqual(pages(file('rural-water-supply', 'pdf')));
  });
});

describe('a national form of 40 indicators over several pages', () => {
  /**
   * Per page: the rows on it, and whether the merged labels over each row — 绩效指标, its 一级
   * and its 二级 — are on that page too; 绩效指标 and the 一级 as words of their own (效益指标 is
   * also part of 社会效益指标 and of the names).
   */
  function unlabelled(pdf: string): string[] {
    const problems: string[] = [];
    const words = pageWords(pdf);
    pages(pdf).forEach((text, page) => {
      for (const row of LONG_ROWS.filter((r) => text.includes(r.marker))) {
        for (const label of ['绩效指标', row.level1]) {
          if (!words[page].includes(label)) problems.push(`page ${page + 1}: ${row.marker} without ${label}`);
        }
        // A long 二级 label wraps inside its cell (服务对象满意度 / 指标): look for it in the page's text.
        if (!text.includes(normalizeText(row.level2))) problems.push(`page ${page + 1}: ${row.marker} without ${row.level2}`);
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
    expect(pageWords(pdf).filter((words) => words.includes('产出指标')).length).toBeGreaterThanOrEqual(2);
    expect(unlabelled(pdf)).toEqual([]);
    // The indicator columns' header row (<tr repeat>) and 绩效指标 start every page the indicators reach.
    const header = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    for (const words of pageWords(pdf)) for (const label of header) expect(words, label).toContain(label);
  });

  it.skipIf(!soffice.available || !pdftotext.available)(`DOCX through LibreOffice: the same pages, labels repeated too ${soffice.reason}${pdftotext.reason}`, () => {
    const office = join(officeDir, 'long-40.pdf');
    expect(pageCount(office)).toBeGreaterThanOrEqual(3);
    expect(unlabelled(office)).toEqual([]);
    expect(pages(office)).toEqual(pages(file('long-40', 'pdf')));
  });
});
