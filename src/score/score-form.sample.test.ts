import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormSchema } from '../load/form-schema.js';
import { normalizeLabel } from './normalize-label.js';
import { FundsRowLabel } from './printed-form.js';
import { scoreForm } from './score-form.js';

/**
 * The published sample is the ground truth (DESIGN §4): inputs and expectations are both
 * read from its text, never retyped. Its layout: a title line per form, tab-separated
 * tables under 资金情况 and 绩效指标, a blank line after each table.
 */
const SAMPLE = readFileSync(new URL('../../test/fixtures/yuzhong-2023-self-evaluation.txt', import.meta.url), 'utf8');

interface SampleForm {
  kind: string;
  selfScore: string;
  header: string[];
  funds: string[][];
  indicators: string[][];
}

function parseSample(text: string): SampleForm[] {
  const lines = text.split(/\r?\n/);
  const forms: SampleForm[] = [];
  const tableAfter = (start: number, headerStart: RegExp): string[][] => {
    let i = start;
    while (!headerStart.test(lines[i])) i++;
    const rows: string[][] = [];
    for (i++; i < lines.length && lines[i].trim() !== ''; i++) rows.push(lines[i].split('\t'));
    return rows;
  };
  lines.forEach((line, index) => {
    const title = /^\d{4}年度(部门整体|二级项目)绩效自评表$/.exec(line.trim());
    if (title === null) return;
    const header = lines.slice(index).find((l) => l.startsWith('项目名称'))!.split('\t');
    forms.push({
      kind: title[1],
      header,
      selfScore: header[5],
      funds: tableAfter(index, /^\t年初预算数/),
      indicators: tableAfter(index, /^指标名称\t/),
    });
  });
  return forms;
}

const amounts = (cells: string[]) => ({ initial: cells[1], adjusted: cells[2], executed: cells[3] });

/** A Form built from the sample's input columns, all scalars strings as the failsafe loader gives them. */
function formOf(sample: SampleForm) {
  const byLabel = (label: string) => sample.funds.find((cells) => normalizeLabel(cells[0]) === normalizeLabel(label))!;
  const fiscal = byLabel(FundsRowLabel.fiscal);
  return FormSchema.parse({
    form: sample.kind,
    year: '2023',
    project: { name: sample.header[1], code: sample.header[3], department: '024-重庆市渝中区人民政府办公室' },
    funds: {
      total: amounts(byLabel(FundsRowLabel.total)),
      fiscal: amounts(fiscal),
      sources: sample.funds.slice(2).map((cells) => ({ name: cells[0], ...amounts(cells) })),
      rateWeight: fiscal[5],
    },
    goals: {},
    indicators: sample.indicators.map(([name, unit, nature, target, actual, , , weight, , core, note]) => ({
      name,
      unit,
      nature,
      target,
      actual,
      weight,
      core,
      note,
      ...(nature === '定性' ? { grade: '达成' } : {}),
    })),
  });
}

const samples = parseSample(SAMPLE);

describe('scoreForm on the published sample', () => {
  it('finds the three forms and 22 indicator rows', () => {
    expect(samples.map((s) => s.kind)).toEqual(['部门整体', '二级项目', '二级项目']);
    expect(samples.reduce((n, s) => n + s.indicators.length, 0)).toBe(22);
    expect(samples.every((s) => s.funds.length === 3)).toBe(true);
  });

  describe.each(samples.map((sample) => [sample.header[1], sample] as const))('%s', (_name, sample) => {
    const scored = scoreForm(formOf(sample));

    it('prints the sample total', () => {
      expect(scored.printed.selfScore).toBe(sample.selfScore);
    });

    it('prints every indicator row as the sample', () => {
      expect(scored.printed.indicators).toEqual(
        sample.indicators.map(([name, , , , , deviation, coefficient, weight, score]) => ({ name, deviation, coefficient, weight, score })),
      );
    });

    it('prints the funds rows as the sample', () => {
      expect(
        scored.printed.funds.map((row) => [
          normalizeLabel(row.row),
          row.initial,
          row.adjusted,
          row.executed,
          row.rate ?? '',
          row.rateWeight ?? '',
          row.rateScore ?? '',
        ]),
      ).toEqual(sample.funds.map(([label, ...cells]) => [normalizeLabel(label), ...cells]));
    });

    it('raises no diagnostics', () => {
      expect(scored.diagnostics).toEqual([]);
    });
  });
});
