import type { TextStyle } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';

/**
 * Every face is its own pdfmake family used at weight "normal": bold comes from a real Bold
 * face chosen by the FontSet, never from pdfmake's bold flag (it has no fake bold).
 */
export interface PdfTextStyle {
  font: string;
  fontSize: number;
  bold: false;
}

export function pdfTextStyle(style: TextStyle, fonts: FontSet): PdfTextStyle {
  return { font: fonts.faceFor(style).family, fontSize: style.size, bold: false };
}
