import { describe, expect, it } from 'vitest';
import type { GridCell, LayoutDocument, TableRow } from './layout-model.js';
import { unplacedCells } from './unplaced-cells.js';

const style = { role: 'body' as const, size: 9, bold: false };
const cell = (text: string): GridCell => ({
  kind: 'cell',
    lines: [],
    lineHeight: 0, text, style, align: 'left', valign: 'top', colSpan: 1, rowSpan: 1, noWrap: false, fill: null,
  borders: { top: true, right: true, bottom: true, left: true },
});
const row = (...texts: string[]): TableRow => ({ slots: texts.map(cell), cantSplit: true, minHeight: 0, height: 0 });

/** A title, then a table with one header row: 名称 | 说明, and the body rows given. */
function doc(...body: TableRow[]): LayoutDocument {
  return {
    kind: 'document',
    page: { width: 595.28, height: 841.89, orientation: 'portrait', margins: { top: 28, right: 28, bottom: 28, left: 28 } },
    meta: { title: 't', subject: '', author: '', identifier: '', keywords: [] },
    pages: 1,
    blocks: [
      { kind: 'text',
    lines: [],
    lineHeight: 0, text: '2023年度\n自评表', style, align: 'center', spaceBefore: 0, spaceAfter: 0 },
      {
        kind: 'table', columns: [100, 100], headerRows: 1, keepWithHeaderRows: 0, rows: [row('名称', '说明'), ...body],
        borderWidth: 0.5, borderColor: '#000000', cellPadding: { horizontal: 3, vertical: 2 }, spaceBefore: 0, spaceAfter: 0,
      },
    ],
  };
}

describe('unplacedCells', () => {
  const form = doc(row('甲', '第一行说明很长需要折行'), row('乙', ''), row('丙', '3'));

  it('finds nothing missing when every piece is painted, lines broken anywhere', () => {
    expect(unplacedCells(form, { pieces: ['2023年度', '自评表', '名称', '说明', '甲', '第一行说明', '很长 需要折行', '乙', '丙', '3'] })).toEqual([]);
  });

  it('accepts a header repeated on a new page and a row whose columns continue there', () => {
    // 甲's 说明 continues on page 2, after the repeated header, once the 甲 column is done.
    const pieces = ['2023年度自评表', '名称', '说明', '甲', '第一行说明', '名称', '说明', '很长需要折行', '乙', '丙', '3'];
    expect(unplacedCells(form, { pieces })).toEqual([]);
  });

  it('names each cell of a row the file lacks', () => {
    const pieces = ['2023年度自评表', '名称', '说明', '乙', '丙', '3'];
    expect(unplacedCells(form, { pieces })).toEqual([
      { block: 1, row: 1, column: 0, text: '甲', partly: false },
      { block: 1, row: 1, column: 1, text: '第一行说明很长需要折行', partly: false },
    ]);
  });

  it('says when only the first lines of a cell made it', () => {
    const pieces = ['2023年度自评表', '名称', '说明', '甲', '第一行说明', '乙', '丙', '3'];
    expect(unplacedCells(form, { pieces })).toEqual([{ block: 1, row: 1, column: 1, text: '第一行说明很长需要折行', partly: true }]);
  });

  it('does not let one painted piece stand for two cells of the same text', () => {
    const twins = doc(row('达标', '达标'));
    expect(unplacedCells(twins, { pieces: ['2023年度自评表', '名称', '说明', '达标'] })).toEqual([
      { block: 1, row: 1, column: 1, text: '达标', partly: false },
    ]);
    expect(unplacedCells(twins, { pieces: ['2023年度自评表', '名称', '说明', '达标', '达标'] })).toEqual([]);
  });

  it('misses a text block as well as a cell', () => {
    expect(unplacedCells(doc(), { pieces: ['名称', '说明'] })).toEqual([{ block: 0, row: null, column: null, text: '2023年度\n自评表', partly: false }]);
  });
});
