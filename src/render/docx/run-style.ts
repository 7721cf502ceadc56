import type { IRunOptions } from 'docx';
import type { TextStyle } from '../../layout/layout-model.js';
import type { DocxRenderContext } from './block-handler.js';
import { DocxUnits } from './docx-units.js';

/**
 * Run properties for a style, as far as they differ from the document defaults. A font is
 * one family for Latin and CJK text, hinted East Asian so Word takes the `eastAsia` font for
 * characters both scripts share (quotes, dashes).
 */
export function runStyle(style: TextStyle, context: DocxRenderContext): IRunOptions {
  const family = context.fontFamily(style);
  return {
    ...(family !== context.defaults.family ? { font: { ascii: family, hAnsi: family, eastAsia: family, cs: family, hint: 'eastAsia' } } : {}),
    ...(style.size !== context.defaults.size ? { size: DocxUnits.halfPoints(style.size) } : {}),
    ...(style.bold ? { bold: true } : {}),
  };
}
