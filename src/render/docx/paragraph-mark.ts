import { type IParagraphOptions, LineRuleType } from 'docx';
import type { Points, TextStyle } from '../../layout/layout-model.js';
import { DocxUnits } from './docx-units.js';
import type { DocxRenderContext } from './block-handler.js';
import { runStyle } from './run-style.js';

/**
 * The paragraph mark's run properties (`pPr/rPr`), when the style differs from the defaults:
 * the mark sits on the last line and sets its height, so an empty cell or a size below the
 * default would otherwise get the default's line height.
 */
export function paragraphMark(style: TextStyle, context: DocxRenderContext): Pick<IParagraphOptions, 'run'> {
  const run = runStyle(style, context);
  return Object.keys(run).length > 0 ? { run } : {};
}

/** Lines exactly as tall as the layout made them (not the font's own leading, nor a document grid's). */
export function exactLineHeight(lineHeight: Points): Pick<IParagraphOptions, 'spacing'> {
  return { spacing: { line: DocxUnits.dxa(lineHeight), lineRule: LineRuleType.EXACT } };
}
