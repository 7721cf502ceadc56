import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadForms, type ChongqingForm, type LoadedForm } from '../src/load/index.js';

/**
 * The sample YAML in data/ against the published text export it was typed from: every
 * printed value, field by field, so a slip in transcription fails here.
 */
const DIR = 'data/2023/yuzhong-gov-office';
const FILES = ['department-overall.yaml', 'summer-visits.yaml', 'research-and-information.yaml'];

interface PrintedSample {
  title: string;
  status: string;
  header: Record<string, string>;
  funds: string[][];
  goals: string[];
  indicators: string[][];
}

/** Splits the export into its forms; labels lose their `：`/`:` so both widths compare equal. */
function parseSample(text: string): PrintedSample[] {
  const blocks = text.split(/\n(?=\d{4}年度\S+绩效自评表\n)/).filter((block) => /绩效自评表/.test(block));
  return blocks.map((block) => {
    const lines = block.split('\n');
    const cells = (line: string) => line.split('\t');
    const index = (start: string) => lines.findIndex((line) => line.startsWith(start));
    const header: Record<string, string> = {};
    for (const line of lines.filter((l) => /^(项目名称|项目主管部门)[：:]/.test(l))) {
      const parts = cells(line);
      for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) header[parts[i].replace(/[：:]$/, '')] = parts[i + 1];
    }
    const fundsStart = index('\t年初预算数') + 1;
    const indicatorStart = index('指标名称\t') + 1;
    const rowsFrom = (start: number) => {
      const rows: string[][] = [];
      for (let i = start; i < lines.length && lines[i].trim() !== ''; i++) rows.push(cells(lines[i]));
      return rows;
    };
    return {
      title: lines.find((line) => /绩效自评表$/.test(line)) ?? '',
      status: (lines.find((line) => line.startsWith('状态')) ?? '').replace(/^状态[：:]/, ''),
      header,
      funds: rowsFrom(fundsStart),
      goals: cells(lines[index('年初绩效目标\t') + 1]),
      indicators: rowsFrom(indicatorStart).map((row) => [...row, ...Array(11).fill('')].slice(0, 11)),
    };
  });
}

const printed = parseSample(readFileSync('test/fixtures/yuzhong-2023-self-evaluation.txt', 'utf8'));
const amount = (text: string) => new Decimal(text.replace(/,/g, ''));
const fullWidthLabel = (label: string) => label.replace('其中:', '其中：');

describe('sample data', () => {
  it('loads the three forms (and the examples of the other formats beside them) with no diagnostics', async () => {
    const { forms, diagnostics } = await loadForms(['data']);
    expect(diagnostics).toEqual([]);
    const examples = (await fg('data/examples/**/*.yaml')).sort();
    expect(examples).toContain('data/examples/national-2023/rural-water-supply.yaml');
    expect(forms.map((f) => f.file)).toEqual([...[...FILES].sort().map((name) => `${DIR}/${name}`), ...examples]);
  });

  it('start with the editor schema line', () => {
    for (const name of FILES) {
      expect(readFileSync(`${DIR}/${name}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../form.schema.json');
    }
  });

  it('the export holds three forms', () => {
    expect(printed.map((form) => form.title)).toEqual(['2023年度部门整体绩效自评表', '2023年度二级项目绩效自评表', '2023年度二级项目绩效自评表']);
  });

  describe.each(FILES.map((name, i) => [name, i] as const))('%s', (name, i) => {
    const sample = printed[i];
    let loaded: LoadedForm & { form: ChongqingForm };
    it('loads', async () => {
      const { forms } = await loadForms([`${DIR}/${name}`]);
      expect(forms).toHaveLength(1);
      const [form] = forms;
      if (form.form.form === '项目支出') throw new Error('expected a Chongqing form');
      loaded = { ...form, form: form.form };
    });

    it('has the printed title, status and header', () => {
      const { form } = loaded;
      expect(`${form.year}年度${form.form}绩效自评表`).toBe(sample.title);
      expect(form.status).toBe(sample.status);
      expect({
        项目名称: form.project.name,
        项目编码: form.project.code,
        项目主管部门: form.project.department,
        财政归口处室: form.project.financeOffice,
        部门联系人: form.project.contact,
        联系电话: form.project.phone,
        自评总分: form.reported?.selfScore,
      }).toEqual(sample.header);
    });

    it('has the printed funds amounts and funds values', () => {
      const { funds, reported } = loaded.form;
      const rows = [funds.total, funds.fiscal, ...funds.sources];
      const labels = ['年度总金额', '其中：财政拨款', ...funds.sources.map((s) => s.name)];
      expect(sample.funds.map((row) => fullWidthLabel(row[0]))).toEqual(labels);
      sample.funds.forEach((row, r) => {
        expect([rows[r].initial, rows[r].adjusted, rows[r].executed].map(String)).toEqual(row.slice(1, 4).map((t) => amount(t).toString()));
      });
      expect(funds.rateWeight.toString()).toBe(String(Number(sample.funds[1][5])));
      const keys = ['row', 'initial', 'adjusted', 'executed', 'rate', 'rateWeight', 'rateScore'] as const;
      const expected = sample.funds.map((row) =>
        Object.fromEntries(keys.map((key, k) => [key, k === 0 ? fullWidthLabel(row[0]) : row[k]]).filter(([, v]) => v !== '' && v !== undefined)),
      );
      expect(reported?.funds).toEqual(expected);
    });

    it('has the printed goals', () => {
      const { goals } = loaded.form;
      expect([goals.initial, goals.adjusted, goals.achieved]).toEqual(sample.goals);
    });

    it('has every printed indicator value', () => {
      const { indicators, reported } = loaded.form;
      expect(
        indicators.map((x) => [x.name, x.unit, x.nature, x.target, x.actual, x.weight.toString(), x.core ? '是' : '否', x.note]),
      ).toEqual(sample.indicators.map((row) => [row[0], row[1], row[2], row[3], row[4], row[7], row[9], row[10]]));
      expect(reported?.indicators).toEqual(
        sample.indicators.map((row) => ({ name: row[0], deviation: row[5], coefficient: row[6], weight: row[7], score: row[8] })),
      );
      for (const indicator of indicators.filter((x) => x.nature === '定性')) expect(indicator.grade).toBe('达成');
    });
  });
});
