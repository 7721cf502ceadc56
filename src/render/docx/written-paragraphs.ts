import type { PlacedText } from '../../layout/layout-model.js';

const PARAGRAPH = /<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g;
const TEXT = /<w:t\b[^>]*>([^<]*)<\/w:t>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, name: string) =>
    name in ENTITIES ? ENTITIES[name]! : String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1))),
  );
}

/**
 * The text of every paragraph of a DOCX body, in document order, read back from the
 * `word/document.xml` that goes into the file: what a word processor has to lay out.
 */
export function writtenParagraphs(documentXml: string): PlacedText {
  const pieces: string[] = [];
  for (const [, body = ''] of documentXml.matchAll(PARAGRAPH)) {
    let text = '';
    for (const [, run] of body.matchAll(TEXT)) text += unescapeXml(run!);
    if (text !== '') pieces.push(text);
  }
  return { pieces };
}
