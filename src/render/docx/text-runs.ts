import { TextRun } from 'docx';
import type { TextStyle } from '../../layout/layout-model.js';
import type { DocxRenderContext } from './block-handler.js';
import { runStyle } from './run-style.js';

/** The text as runs; each '\n' becomes a line break (w:br), not a new paragraph. Empty text gives no run. */
export function textRuns(text: string, style: TextStyle, context: DocxRenderContext): TextRun[] {
  if (text === '') return [];
  const properties = runStyle(style, context);
  return text.split('\n').map((line, i) => new TextRun({ ...properties, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
