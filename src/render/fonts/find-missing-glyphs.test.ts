import { describe, expect, it } from 'vitest';
import type { LayoutDocument } from '../../layout/layout-model.js';
import { findMissingGlyphs } from './find-missing-glyphs.js';
import { loadFontSet } from './font-set.js';

const fonts = loadFontSet('fonts/fonts.json');
const style = { role: 'body' as const, size: 10, bold: false };
const borders = { top: true, right: true, bottom: true, left: true };

function doc(title: string, cells: string[]): LayoutDocument {
  return {
    kind: 'document',
    page: { width: 595.28, height: 841.89, orientation: 'landscape', margins: { top: 36, right: 36, bottom: 36, left: 36 } },
    meta: { title: 't', subject: '', author: '', identifier: 'x', keywords: [] },
    pages: 1,
    blocks: [
      { kind: 'text',
    lines: [],
    lineHeight: 0, text: title, style: { role: 'title', size: 16, bold: true }, align: 'center', spaceBefore: 0, spaceAfter: 0 },
      { kind: 'spacer', height: 6 },
      {
        kind: 'table',
        columns: [100, 100],
        headerRows: 0,
        keepWithHeaderRows: 0,
        borderWidth: 0.5,
        borderColor: '#000000',
        cellPadding: { horizontal: 2, vertical: 2 },
        spaceBefore: 0,
        spaceAfter: 0,
        rows: [
          {
            cantSplit: true,
            minHeight: 0,
            height: 0,
            slots: cells.map((text) => ({
              kind: 'cell' as const, text, lines: [text], lineHeight: 12, style, align: 'left' as const, valign: 'top' as const,
              colSpan: 1, rowSpan: 1, noWrap: false, fill: null, borders,
            })),
          },
        ],
      },
    ],
  };
}

describe('findMissingGlyphs', () => {
  it('finds nothing in ordinary Chinese text, numbers, ≥ and line breaks', () => {
    expect(findMissingGlyphs(doc('2023年度二级项目绩效自评表', ['慰问城管、住建 ≥ 200\n1,190,000.00', '其中：财政拨款']), fonts)).toEqual([]);
  });

  it('names a character the face lacks, its code point, cell and text', () => {
    const missing = findMissingGlyphs(doc('自评表😀', ['正常', '𠀀字库外𠀀']), fonts);
    expect(missing).toEqual([
      { char: '😀', codePoint: 'U+1F600', where: '第 1 个文字块', text: '自评表😀' },
      { char: '𠀀', codePoint: 'U+20000', where: '第 1 个表格第 1 行第 2 列', text: '𠀀字库外𠀀' },
    ]);
  });
});
