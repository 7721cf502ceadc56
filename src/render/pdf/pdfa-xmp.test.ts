import { describe, expect, it } from 'vitest';
import { pdfaXmpDescriptions } from './pdfa-xmp.js';

describe('pdfaXmpDescriptions', () => {
  const date = new Date('2024-03-01T08:00:00.500Z');
  const xmp = pdfaXmpDescriptions({ Title: 'A & <B>', Author: "O'Neil", Creator: 'ziping', Producer: 'p', Keywords: 'k1, k2', CreationDate: date, ModDate: date });

  it('mirrors the creation and modification dates, to the second', () => {
    expect(xmp).toContain('<xmp:CreateDate>2024-03-01T08:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2024-03-01T08:00:00Z</xmp:ModifyDate>');
  });

  it('escapes markup in every value', () => {
    expect(xmp).toContain('<rdf:li xml:lang="x-default">A &amp; &lt;B&gt;</rdf:li>');
    expect(xmp).toContain('<rdf:li>O&apos;Neil</rdf:li>');
  });

  it('drops characters XML cannot carry', () => {
    expect(pdfaXmpDescriptions({ Title: 'a\u0001b' })).toContain('>ab</rdf:li>');
  });
});
