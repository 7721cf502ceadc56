import { decideLayout } from '../src/layout/index.js';
import type { GridCell, GridSlot, LayoutDocument, TableBlock, TableRow, TextBlock } from '../src/layout/layout-model.js';
import { fontMetrics } from '../src/render/fonts/font-metrics.js';
import { loadFontSet } from '../src/render/fonts/font-set.js';

/** Hand-built layout documents for the PDF renderer tests (no templates involved). */

export const A4_LANDSCAPE = { width: 595.28, height: 841.89, orientation: 'landscape' as const };

export function textBlock(text: string, overrides: Partial<TextBlock> = {}): TextBlock {
  return {
    kind: 'text',
    text,
    lines: [],
    lineHeight: 0,
    style: { role: 'title', size: 16, bold: true },
    align: 'center',
    spaceBefore: 0,
    spaceAfter: 6,
    ...overrides,
  };
}

export function cell(text: string, overrides: Partial<GridCell> = {}): GridCell {
  return {
    kind: 'cell',
    text,
    lines: [],
    lineHeight: 0,
    style: { role: 'body', size: 10, bold: false },
    align: 'left',
    valign: 'middle',
    colSpan: 1,
    rowSpan: 1,
    noWrap: false,
    fill: null,
    borders: { top: true, right: true, bottom: true, left: true },
    ...overrides,
  };
}

export function row(slots: GridSlot[], overrides: Partial<TableRow> = {}): TableRow {
  return { slots, cantSplit: true, minHeight: 0, height: 0, ...overrides };
}

export function table(columns: number[], rows: TableRow[], overrides: Partial<TableBlock> = {}): TableBlock {
  return {
    kind: 'table',
    columns,
    headerRows: 0,
    keepWithHeaderRows: 0,
    rows,
    borderWidth: 0.5,
    borderColor: '#000000',
    cellPadding: { horizontal: 4, vertical: 3 },
    spaceBefore: 0,
    spaceAfter: 0,
    ...overrides,
  };
}

/** Lines, heights and pages decided by the layout from the shipped faces, as for a form. */
export function layoutDocument(blocks: LayoutDocument['blocks'], meta: Partial<LayoutDocument['meta']> = {}): LayoutDocument {
  return decideLayout(
    {
      kind: 'document',
      page: { ...A4_LANDSCAPE, margins: { top: 36, right: 36, bottom: 36, left: 36 } },
      meta: { title: '测试表', subject: '渲染测试', author: 'ziping', identifier: 'T-0001', keywords: ['测试'], ...meta },
      blocks,
      pages: 0,
    },
    fontMetrics(loadFontSet('fonts/fonts.json')),
  );
}

/** Content width of the A4 landscape page above. */
export const CONTENT_WIDTH = 841.89 - 72;

/** A one-page form-sized document: title, a 4-row header block, a 12-row table with spans. */
export function formSizedDocument(identifier = 'T-0001'): LayoutDocument {
  const widths = [110, 130, 90, 90, 90, 90, 80, CONTENT_WIDTH - 680];
  const label = (text: string, overrides: Partial<GridCell> = {}) =>
    cell(text, { style: { role: 'label', size: 10, bold: true }, align: 'center', noWrap: true, ...overrides });
  const number = (text: string) => cell(text, { style: { role: 'number', size: 10, bold: false }, align: 'right' });
  const rows: TableRow[] = [
    row([label('项目名称'), cell('夏季慰问及元旦、春节慰问', { colSpan: 5 }), ...covered(0, 1, 4), label('自评总分'), number('100.00')]),
    row([label('主管部门'), cell('024-重庆市渝中区人民政府办公室', { colSpan: 3 }), ...covered(1, 1, 2), label('联系人'), cell('李路遥'), label('电话'), number('63765419')]),
    row([label('资金情况', { rowSpan: 3 }), label('年度总金额'), number('1,700,000.00'), number('1,190,000.00'), number('1,190,000.00'), number(''), number(''), number('')]),
    row([{ kind: 'covered', row: 2, col: 0 }, label('其中：财政拨款'), number('1,700,000.00'), number('1,190,000.00'), number('1,190,000.00'), number('10.00'), number('100'), number('10.00')]),
    row([{ kind: 'covered', row: 2, col: 0 }, label('一般公共预算'), number('1,700,000.00'), number('1,190,000.00'), number('1,190,000.00'), number(''), number('100'), number('')]),
  ];
  for (let i = 0; i < 8; i += 1) {
    rows.push(row([cell(`产出指标${i + 1}`), cell(`慰问城管、住建、卫健等一线人员第${i + 1}项`, { colSpan: 2 }), ...covered(rows.length, 1, 1), number('≥'), number('200'), number('220'), number('20'), number('20')]));
  }
  return layoutDocument([textBlock('2023年度二级项目绩效自评表'), textBlock('状态：绩效审核已审', { style: { role: 'body', size: 10, bold: false }, align: 'left' }), table(widths, rows)], { identifier });
}

/** Covered slots for a span starting at (row, col): `count` positions to its right. */
export function covered(rowIndex: number, col: number, count: number): GridSlot[] {
  return Array.from({ length: count }, () => ({ kind: 'covered' as const, row: rowIndex, col }));
}
