import { isScalar, visit, type Document } from 'yaml';

export interface FullwidthColon {
  /** Offset of the `：`. */
  offset: number;
  key: string;
}

/**
 * `contact：张三` typed with a Chinese IME: to YAML a plain text, not a key, so the parser
 * blames the line as a multi-line key or the form reports unknown and missing fields. A `：`
 * counts when an English field name before it starts a plain scalar (where a key goes: at the
 * line's start, after `- `, or after `{`/`,`), or starts a line of a plain scalar that such a
 * slip began (the parser runs two slipped lines together). So `status: 其中：财政拨款` and a
 * wrapped line of text are left alone.
 */
export function findFullwidthColons(text: string, doc: Document): FullwidthColon[] {
  const plains: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && node.type === 'PLAIN' && node.range) plains.push([node.range[0], node.range[1]]);
    },
  });
  const starts = new Set(plains.map(([start]) => start));
  const slipped = new Set<number>();
  const found: FullwidthColon[] = [];
  for (const match of text.matchAll(KEY_WITH_FULLWIDTH_COLON)) {
    const [whole, lead, key] = match;
    const start = match.index + lead.length;
    const within = plains.find(([from, to]) => start > from && start < to);
    const lineStart = !/[{,]/.test(lead);
    if (starts.has(start)) slipped.add(start);
    else if (!(lineStart && within && slipped.has(within[0]))) continue;
    found.push({ offset: match.index + whole.length - 1, key });
  }
  return found;
}

/** Lead (line start and `- `, or `{`/`,`), an English key, optional blanks, then `：`. */
const KEY_WITH_FULLWIDTH_COLON = /(^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*：/gm;
