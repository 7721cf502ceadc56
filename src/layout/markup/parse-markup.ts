import { decodeEntities } from './decode-entities.js';

/**
 * The template markup: a small HTML-like language (`<document>`, `<page/>`, `<text>`,
 * `<table>`, `<tr>`, `<td>`, `<br/>`, `<spacer/>`). Parsed into a plain element tree; the
 * layout builder gives the elements their meaning.
 */
export interface MarkupElement {
  name: string;
  attributes: Record<string, string>;
  children: MarkupNode[];
  /** 1-based line in the rendered template text, for error messages. */
  line: number;
}

export type MarkupNode = MarkupElement | { name: '#text'; text: string; line: number };

export class MarkupError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const VOID_ELEMENTS = new Set(['br', 'page', 'spacer']);
const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[a-zA-Z][\w-]*(?:\s*=\s*"[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
const ATTRIBUTE = /([a-zA-Z][\w-]*)(?:\s*=\s*"([^"]*)")?/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1]] = match[2] === undefined ? '' : decodeEntities(match[2]);
  }
  return attributes;
}

function lineAt(text: string, index: number, from: { index: number; line: number }): number {
  let line = from.line;
  for (let i = from.index; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  from.index = index;
  from.line = line;
  return line;
}

export function parseMarkup(text: string): MarkupElement {
  const root: MarkupElement = { name: '#root', attributes: {}, children: [], line: 1 };
  const stack: MarkupElement[] = [root];
  const cursor = { index: 0, line: 1 };
  let last = 0;
  const pushText = (raw: string, at: number) => {
    if (raw.length === 0) return;
    if (raw.includes('<') || raw.includes('>')) {
      throw new MarkupError('模板标记有误：多余的 < 或 >', lineAt(text, at, cursor));
    }
    stack[stack.length - 1].children.push({ name: '#text', text: decodeEntities(raw), line: lineAt(text, at, cursor) });
  };
  for (const match of text.matchAll(TAG)) {
    pushText(text.slice(last, match.index), last);
    last = match.index! + match[0].length;
    if (match[0].startsWith('<!--')) continue;
    const [, closing, rawName, rawAttributes, selfClosing] = match;
    const name = rawName.toLowerCase();
    const line = lineAt(text, match.index!, cursor);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) {
        throw new MarkupError(`模板标记有误：</${name}> 没有对应的开始标签`, line);
      }
      continue;
    }
    const element: MarkupElement = { name, attributes: parseAttributes(rawAttributes), children: [], line };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing && !VOID_ELEMENTS.has(name)) stack.push(element);
  }
  pushText(text.slice(last), last);
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw new MarkupError(`模板标记有误：<${open.name}> 没有结束`, open.line);
  }
  return root;
}
