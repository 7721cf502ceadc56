import type { IXmlableObject } from 'docx';
import { type BoundedCache, createBoundedCache } from '../bounded-cache.js';

/**
 * The XML docx prepared for each cell shape seen (everything about a cell but its text),
 * with placeholders where the text goes. Kept per renderer, across documents; bounded so a
 * batch of any size cannot grow it (a form has a few dozen shapes).
 */
export type CellShapes = BoundedCache<string, IXmlableObject>;

export function createCellShapes(): CellShapes {
  return createBoundedCache(4096);
}

/**
 * Placeholder for line `i` of a cell's text. Only the prepared shape holds placeholders (it is
 * built from them, never from form text), so a form's text cannot be mistaken for one.
 */
export function textPlaceholder(i: number): string {
  return `\uE000${i}\uE001`;
}

const PLACEHOLDER = /^\uE000(\d+)\uE001$/;

/**
 * A copy of the prepared XML with each placeholder string replaced by its line. Objects and
 * arrays on the way are copied; attribute objects (`_attr`) are shared, as the XML writer
 * only reads them.
 */
export function fillText(xml: unknown, lines: readonly string[]): unknown {
  if (typeof xml === 'string') {
    const match = PLACEHOLDER.exec(xml);
    return match ? lines[Number(match[1])] : xml;
  }
  if (Array.isArray(xml)) return xml.map((item) => fillText(item, lines));
  if (xml !== null && typeof xml === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(xml)) copy[key] = key === '_attr' ? value : fillText(value, lines);
    return copy;
  }
  return xml;
}
