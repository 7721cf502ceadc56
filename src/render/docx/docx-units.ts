import type { Points } from '../../layout/layout-model.js';

/**
 * The layout model speaks points; WordprocessingML speaks twentieths of a point (DXA, "twips")
 * for lengths, half-points for font sizes and eighths of a point for border widths.
 */
export const DocxUnits = {
  dxa: (points: Points): number => Math.round(points * 20),
  halfPoints: (points: Points): number => Math.round(points * 2),
  /** Word takes border widths of 2–96 eighths (¼–12 pt). */
  eighthPoints: (points: Points): number => Math.min(96, Math.max(2, Math.round(points * 8))),
  /**
   * Column boundaries rounded from the running sum, so the DXA widths add up to the rounded
   * total instead of drifting by the sum of each column's rounding.
   */
  columnsDxa(columns: readonly Points[]): number[] {
    const widths: number[] = [];
    let sum = 0;
    let previous = 0;
    for (const width of columns) {
      sum += width;
      const boundary = Math.round(sum * 20);
      widths.push(boundary - previous);
      previous = boundary;
    }
    return widths;
  },
} as const;
