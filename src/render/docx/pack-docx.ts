import { createHash } from 'node:crypto';
import { type DeflateCache, type ZipEntry, writeZip } from '../zip/write-zip.js';
import type { EmbeddedFaces } from './docx-font-plan.js';
import type { DocxParts } from './docx-internals.js';
import { obfuscateFont } from './obfuscate-font.js';

/** `<w:font w:name="…">…</w:font>` of the font table. */
const FONT = /<w:font\b[^>]*\bw:name="([^"]*)"[^>]*>([\s\S]*?)<\/w:font>/g;
/** `<w:embedRegular r:id="rId1" w:fontKey="{…}"/>` and the bold/italic variants, attributes in any order. */
const EMBED = /<w:embed(Regular|Bold|Italic|BoldItalic)\b[^>]*\/>/g;
const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/**
 * Zips docx's parts so the file is a function of its input: the core properties'
 * created/modified times become `date`, every entry is dated `date` (docx stamps the current
 * time), and each embedded font goes in obfuscated with a key derived from its own bytes
 * instead of docx's random GUID. Fonts are stored, not deflated: a CJK subset shrinks by
 * only ~30%, and deflating it cost more than the rest of the package.
 */
export function packDocx(parts: DocxParts, date: Date, faces: Map<string, EmbeddedFaces>, cache?: DeflateCache): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fonts = placeFonts(parts, faces);
  const entries: ZipEntry[] = [];
  for (const [name, data] of parts) {
    if (name === 'docProps/core.xml' && typeof data === 'string') {
      entries.push({ name, data: data.replace(CORE_DATES, (_, open: string, _name, close: string) => `${open}${stamp}${close}`) });
    } else if (name === 'word/fontTable.xml' && fonts) {
      entries.push({ name, data: fonts.table });
    } else if (fonts?.files.has(name)) {
      entries.push({ name, data: fonts.files.get(name)!, method: 'store' });
    } else {
      entries.push({ name, data });
    }
  }
  return writeZip(entries, date, cache);
}

/**
 * The font table with keys derived from the fonts' bytes, and each `word/fonts/fontN.odttf`
 * docx was given a placeholder for, obfuscated with its key. The font table's
 * relationships tell which face each file holds.
 */
function placeFonts(parts: DocxParts, faces: Map<string, EmbeddedFaces>): { table: string; files: Map<string, Uint8Array> } | undefined {
  const table = parts.get('word/fontTable.xml');
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (typeof table !== 'string' || typeof rels !== 'string') {
    if (faces.size > 0) throw new Error('DOCX 缺少字体表，无法嵌入字体');
    return undefined;
  }
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map(([tag]) => [attribute(tag, 'Id'), attribute(tag, 'Target')]));
  const files = new Map<string, Uint8Array>();
  const stamped = table.replace(FONT, (fontElement, name: string) =>
    fontElement.replace(EMBED, (embed, kind: string) => {
      const face = kind === 'Regular' ? faces.get(name)?.regular : kind === 'Bold' ? faces.get(name)?.bold : undefined;
      if (!face) throw new Error(`没有为字体 ${name} 的 ${kind} 字形准备文件`);
      const digest = createHash('sha256').update(face).digest('hex').toUpperCase();
      const key = `{${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}}`;
      files.set(`word/${targets.get(attribute(embed, 'r:id'))}`, obfuscateFont(face, key));
      return embed.replace(attribute(embed, 'w:fontKey'), key);
    }),
  );
  return { table: stamped, files };
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!match) throw new Error(`DOCX 字体表缺少属性 ${name}：${tag}`);
  return match[1]!;
}
