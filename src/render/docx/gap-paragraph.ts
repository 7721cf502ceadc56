import { LineRuleType, Paragraph } from 'docx';
import type { Points } from '../../layout/layout-model.js';
import { DocxUnits } from './docx-units.js';

/**
 * An empty paragraph exactly `height` tall: vertical space, and the separator Word needs
 * between two tables (else it joins them) and after a table that ends the document.
 */
export function gapParagraph(height: Points): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(1, DocxUnits.dxa(height)), lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });
}
