import { LineRuleType, Paragraph } from 'docx';

/**
 * An empty paragraph (1 twip tall) that starts a new page: what separates the pieces of a
 * table the layout breaks (`pageBreakBefore` rows). Word and LibreOffice honour a page break
 * before a paragraph, not before a table row, and join two tables that nothing separates.
 */
export function pageBreakParagraph(): Paragraph {
  return new Paragraph({
    pageBreakBefore: true,
    spacing: { before: 0, after: 0, line: 1, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });
}
