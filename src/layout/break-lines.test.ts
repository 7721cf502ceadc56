import { describe, expect, it } from 'vitest';
import { breakLines } from './break-lines.js';
import { decideLines } from './decide-lines.js';
import type { TableBlock } from './layout-model.js';
import { ESTIMATED_METRICS } from './text-metrics.js';

/** One em per character at 10 pt: a column of `n` characters is 10·n points. */
const measure = (text: string) => [...text].length * 10;

describe('breakLines', () => {
  it('fills lines greedily and keeps closing punctuation on the line before (禁则)', () => {
    expect(breakLines('一二三四，五六七八。', 40, measure)).toEqual(['一二三', '四，五六', '七八。']);
    expect(breakLines('一二三（四五）六', 30, measure)).toEqual(['一二三', '（四', '五）六']);
    for (const line of breakLines('按照2023年度工作计划，完成项目建设；提高财政资金使用效益至95%。'.repeat(5), 170, measure).slice(1)) {
      expect(line).not.toMatch(/^[，。、；：？！）》」』%]/u);
    }
  });

  it('keeps a Latin word or a number whole, and cuts a run with no break opportunity between characters', () => {
    expect(breakLines('完成率 98.5% 超过', 50, measure)).toEqual(['完成率', '98.5%', '超过']);
    const run = 'x'.repeat(25);
    expect(breakLines(run, 100, measure)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });

  it('breaks at newlines, drops white space at a break, and loses no character', () => {
    expect(breakLines('甲乙\n丙丁', 100, measure)).toEqual(['甲乙', '丙丁']);
    const text = 'Budget performance self evaluation with words and spaces';
    const lines = breakLines(text, 120, measure);
    expect(lines.every((line) => measure(line) <= 120 && line === line.trimEnd())).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});

describe('decideLines', () => {
  it('holds room for autospace where Chinese meets digits, which LibreOffice adds to a DOCX', () => {
    const cell = (text: string) => ({
      kind: 'cell' as const, text, lines: [], lineHeight: 0, style: { role: 'body' as const, size: 10, bold: false },
      align: 'left' as const, valign: 'middle' as const, colSpan: 1, rowSpan: 1, noWrap: false, fill: null,
      borders: { top: true, right: true, bottom: true, left: true },
    });
    // 10 characters of 10 pt and 4 digits of 6 pt = 124 pt; with room at its two boundaries, 129 pt (and 0.5 pt slack).
    const table = (width: number): TableBlock => ({
      kind: 'table', columns: [width], headerRows: 0, keepWithHeaderRows: 0, borderWidth: 0, borderColor: '#000000',
      cellPadding: { horizontal: 0, vertical: 0 }, spaceBefore: 0, spaceAfter: 0,
      rows: [{ slots: [cell('完成建设任务2023年度目标')], cantSplit: true, minHeight: 0, height: 0 }],
    });
    const lines = (width: number) => ((decideLines([table(width)], width, ESTIMATED_METRICS)[0] as TableBlock).rows[0]!.slots[0] as { lines: string[] }).lines;
    expect(lines(127)).toHaveLength(2);
    expect(lines(140)).toEqual(['完成建设任务2023年度目标']);
  });
});
