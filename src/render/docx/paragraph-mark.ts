import type { IParagraphOptions } from 'docx';
import type { TextStyle } from '../../layout/layout-model.js';
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
