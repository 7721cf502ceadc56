import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../layout/layout-model.js';
import { pdfContentWidths } from './pdf-content-widths.js';

describe('pdfContentWidths', () => {
  it('takes off both paddings and the left rule, and the closing rule from the last column', () => {
    const block = { columns: [100, 200, 50], borderWidth: 0.5, cellPadding: { horizontal: 4, vertical: 3 } } as TableBlock;
    const widths = pdfContentWidths(block);
    expect(widths).toEqual([91.5, 191.5, 41]);
    // pdfmake adds back per column 2 × padding + 0.5, plus 0.5 at the end: the model's total.
    expect(widths.reduce((a, b) => a + b) + 3 * 8.5 + 0.5).toBe(350);
  });
});
