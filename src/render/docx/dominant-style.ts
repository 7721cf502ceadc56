import type { LayoutDocument, TextStyle } from '../../layout/layout-model.js';
import { styledTexts } from '../../layout/styled-texts.js';

/** The role and size most pieces of text use (ties: the first seen): the document defaults. */
export function dominantStyle(doc: LayoutDocument): Pick<TextStyle, 'role' | 'size'> {
  const counts = new Map<string, { style: Pick<TextStyle, 'role' | 'size'>; count: number }>();
  for (const { style } of styledTexts(doc)) {
    const key = `${style.role}/${style.size}`;
    const entry = counts.get(key) ?? { style: { role: style.role, size: style.size }, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { style: Pick<TextStyle, 'role' | 'size'>; count: number } = { style: { role: 'body', size: 10.5 }, count: 0 };
  for (const entry of counts.values()) if (entry.count > best.count) best = entry;
  return best.style;
}
