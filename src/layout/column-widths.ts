import type { Points } from './layout-model.js';

/**
 * `cols="3* 2* 80"`: absolute widths in points, the rest of `available` shared by the
 * star columns in proportion. Widths are rounded to 1/100 pt and add up to `available`.
 */
export function columnWidths(spec: string, available: Points): Points[] {
  const parts = spec.trim().split(/[\s,]+/);
  const fixed = parts.filter((p) => !p.endsWith('*')).reduce((sum, p) => sum + Number(p), 0);
  const stars = parts.filter((p) => p.endsWith('*')).reduce((sum, p) => sum + Number(p.slice(0, -1) || '1'), 0);
  if (parts.some((p) => !Number.isFinite(Number(p.endsWith('*') ? p.slice(0, -1) || '1' : p)))) {
    throw new Error(`列宽 "${spec}" 无法识别（例：cols="3* 2* 80"）`);
  }
  const perStar = stars > 0 ? (available - fixed) / stars : 0;
  const widths = parts.map((p) => (p.endsWith('*') ? Number(p.slice(0, -1) || '1') * perStar : Number(p)));
  const rounded = widths.map((w) => Math.floor(w * 100) / 100);
  // Give the rounding remainder to the last column so the table spans the content width exactly.
  const remainder = Math.round((available - rounded.reduce((a, b) => a + b, 0)) * 100) / 100;
  if (stars > 0) rounded[rounded.length - 1] = Math.round((rounded[rounded.length - 1] + remainder) * 100) / 100;
  return rounded;
}
