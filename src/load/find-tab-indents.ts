import { isScalar, visit, type Document } from 'yaml';

/**
 * Offsets of the first tab in each line's leading blanks, outside block scalars (`|`, `>`),
 * whose content may hold tabs. YAML forbids tabs there; the parser reports one such line as
 * three or four errors, on it and on the lines after. (A tab after `- ` is the parser's call:
 * `-\t{ … }` is valid, `-\tname: x` is not.)
 */
export function findTabIndents(text: string, doc: Document): number[] {
  const blocks: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) blocks.push([node.range[0], node.range[1]]);
    },
  });
  const found: number[] = [];
  for (const match of text.matchAll(LEADING_BLANKS)) {
    const column = match[0].indexOf('\t');
    if (column === -1) continue;
    const tab = match.index + column;
    if (!blocks.some(([start, end]) => tab >= start && tab < end)) found.push(tab);
  }
  return found;
}

/** A line's leading blanks before content that is not a comment. */
const LEADING_BLANKS = /^[ \t]+(?=[^ \t\r\n#])/gm;
