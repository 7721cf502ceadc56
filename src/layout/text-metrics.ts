import type { Points, TextStyle } from './layout-model.js';

/**
 * What the layout needs to know of the fonts: how wide a line of text is and how tall a line
 * is, in the face a style maps to. The build gives the configured faces' real metrics (see
 * render/fonts/font-metrics); the layout never opens a font itself, so it stays pure.
 */
export interface TextMetrics {
  /** Advance width of `text` set on one line, in points (no spacing added between scripts). */
  width(style: TextStyle, text: string): Points;
  /** Height of one line: the face's ascender to descender at `style.size`. */
  lineHeight(style: TextStyle): Points;
}

/**
 * Metrics without fonts, erring wide and tall: CJK and full-width forms one em, Latin capitals
 * 0.75 em, other ASCII 0.6 em, lines 1.46 em. For `check` and tests, which lay forms out but
 * paint nothing; what is built always uses the real faces.
 */
export const ESTIMATED_METRICS: TextMetrics = {
  width(style, text) {
    let em = 0;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      em += code === 0x20 ? 0.3 : code < 0x7f ? (code >= 0x41 && code <= 0x5a ? 0.75 : 0.6) : code < 0x2000 ? 0.75 : 1;
    }
    return em * style.size;
  },
  lineHeight: (style) => 1.46 * style.size,
};
