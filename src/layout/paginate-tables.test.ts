import { ESTIMATED_METRICS } from './text-metrics.js';
import { describe, expect, it } from 'vitest';
import { compileTemplateSet } from './template-set.js';
import { layoutForm, type GridCell, type TableBlock } from './index.js';

/** A B5 portrait page (~600 pt of content) with a title and a table of `rows` rows grouped under merged labels. */
function document(paginate: boolean, rows = 60) {
  const template = compileTemplateSet({
    templates: {
      t: `<document><page size="B5" margin="36"/><text size="16">标题</text>
<table cols="60 80 1*" size="9" header-rows="1"${paginate ? ' paginate' : ''}>
  <tr><td>一级</td><td>二级</td><td>名称</td></tr>
  {{#each rows}}<tr>{{#if first}}<td rowspan="{{../count}}">产出指标</td>{{/if}}{{#if group}}<td rowspan="10">数量指标{{group}}</td>{{/if}}<td>{{name}}</td></tr>{{/each}}
</table></document>`,
    },
    partials: {},
  }).get('t')!;
  const view = {
    count: rows,
    rows: Array.from({ length: rows }, (_, i) => ({ first: i === 0, group: i % 10 === 0 ? String(i / 10 + 1) : '', name: `第${i + 1}行` })),
  };
  return layoutForm(view, template, ESTIMATED_METRICS).blocks[1] as TableBlock;
}

const breaksOf = (table: TableBlock) => table.rows.flatMap((row, index) => (row.pageBreakBefore ? [index] : []));

describe('<table paginate>', () => {
  const plain = document(false);
  const paged = document(true);

  it('breaks every table, with the old attribute or without: the layout decides all page breaks', () => {
    expect(breaksOf(plain).length).toBe(1);
    expect(breaksOf(plain)).toEqual(breaksOf(paged));
  });

  it('breaks a table taller than a page, after the header, at rows that fit the page estimate', () => {
    const breaks = breaksOf(paged);
    // 60 rows of ~17.6 pt on ~600 pt pages: about 33 rows a page.
    expect(breaks.length).toBe(1);
    expect(breaks[0]).toBeGreaterThan(25);
    expect(breaks[0]).toBeLessThan(35);
  });

  it('repeats every merged label on the row after the break, and no span crosses it', () => {
    for (const at of breaksOf(paged)) {
      const [level1, level2] = paged.rows[at].slots as GridCell[];
      expect(level1).toMatchObject({ kind: 'cell', text: '产出指标' });
      expect(level2).toMatchObject({ kind: 'cell', text: expect.stringMatching(/^数量指标\d$/) });
      for (const row of paged.rows.slice(at)) {
        for (const slot of row.slots) if (slot.kind === 'covered') expect(slot.row).toBeGreaterThanOrEqual(at);
      }
    }
    // The spans before the break end on it; together the pieces still cover all 60 rows.
    const pieces = paged.rows.flatMap((row) => (row.slots[0].kind === 'cell' && row.slots[0].text === '产出指标' ? [row.slots[0].rowSpan] : []));
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(60);
    expect(paged.rows.slice(1).map((row) => (row.slots[2] as GridCell).text)).toEqual(Array.from({ length: 60 }, (_, i) => `第${i + 1}行`));
  });

  it('gives a table that fits one page no break', () => {
    expect(breaksOf(document(true, 20))).toEqual([]);
  });
});

describe('rows that head the rows after them', () => {
  /** A B5 page: a spacer filling `fill` points, then a band, a header and the given body rows. */
  function laid(fill: number, body: string, attributes = 'keep-with-next') {
    const template = compileTemplateSet({
      templates: {
        t: `<document><page size="B5" margin="36"/><spacer height="${fill}"/>
<table cols="60 1*" size="9">
  <tr ${attributes}><td colspan="2">绩效目标</td></tr>
  <tr ${attributes}><td>年初目标</td><td>完成情况</td></tr>
  ${body}
</table></document>`,
      },
      partials: {},
    }).get('t')!;
    return layoutForm({}, template, ESTIMATED_METRICS);
  }
  const tall = `<tr><td>目标</td><td>${'完成了全年的各项工作任务，'.repeat(40)}</td></tr>`;

  it('moves a band and its header to the next page with the row they head (keep-with-next)', () => {
    const kept = laid(420, tall).blocks[1] as TableBlock;
    expect(kept.pageBreakBefore).toBe(true);
    expect(kept.rows.some((row) => row.pageBreakBefore)).toBe(false);
    // Without the attribute the band and header stay behind at the foot of the page.
    const stranded = laid(420, tall, '').blocks[1] as TableBlock;
    expect(stranded.pageBreakBefore).toBeUndefined();
    expect(stranded.rows[2]!.pageBreakBefore).toBe(true);
  });

  it('repeats a header row inside the body above the rows continued on the next page (repeat)', () => {
    const template = compileTemplateSet({
      templates: {
        t: `<document><page size="B5" margin="36"/>
<table cols="60 80 1*" size="9">
  <tr><td colspan="3">项目名称</td></tr>
  <tr repeat keep-with-next><td rowspan="{{count}}">绩效指标</td><td>一级</td><td>名称</td></tr>
  {{#each rows}}<tr><td>产出</td><td>{{this}}</td></tr>{{/each}}
</table></document>`,
      },
      partials: {},
    }).get('t')!;
    const rows = Array.from({ length: 60 }, (_, i) => `第${i + 1}行`);
    const table = layoutForm({ count: 61, rows }, template, ESTIMATED_METRICS).blocks[0] as TableBlock;
    const starts = table.rows.flatMap((row, index) => (row.pageBreakBefore ? [index] : []));
    expect(starts.length).toBeGreaterThan(0);
    for (const at of starts) {
      const [label, level1, name] = table.rows[at]!.slots as GridCell[];
      expect([label.text, level1.text, name.text]).toEqual(['绩效指标', '一级', '名称']);
    }
    // Every body row once, in order; the merged label covers each page's rows.
    const names = table.rows.flatMap((row) => (row.slots[2]!.kind === 'cell' && row.slots[2]!.text.startsWith('第') ? [row.slots[2]!.text] : []));
    expect(names).toEqual(rows);
    const labels = table.rows.flatMap((row) => (row.slots[0]!.kind === 'cell' && row.slots[0]!.text === '绩效指标' ? [row.slots[0]!.rowSpan] : []));
    expect(labels.reduce((a, b) => a + b, 0)).toBe(61 + starts.length);
  });
});
