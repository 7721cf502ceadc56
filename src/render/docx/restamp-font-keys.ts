import { createHash } from 'node:crypto';
import type JSZip from 'jszip';
import type { EmbeddedFaces } from './docx-font-plan.js';
import { obfuscateFont } from './obfuscate-font.js';

/** `<w:font w:name="…">…</w:font>` of the font table. */
const FONT = /<w:font\b[^>]*\bw:name="([^"]*)"[^>]*>([\s\S]*?)<\/w:font>/g;
/** `<w:embedRegular r:id="rId1" w:fontKey="{…}"/>` and the bold/italic variants, attributes in any order. */
const EMBED = /<w:embed(Regular|Bold|Italic|BoldItalic)\b[^>]*\/>/g;

/**
 * Writes the embedded fonts docx was given placeholders for, each obfuscated with a key
 * derived from the font's own bytes instead of docx's random GUID, so the same document gives
 * the same file. The font table tells which face each `fonts/fontN.odttf` holds.
 */
export async function restampFontKeys(zip: JSZip, faces: Map<string, EmbeddedFaces>): Promise<void> {
  const tableFile = zip.file('word/fontTable.xml');
  const relsFile = zip.file('word/_rels/fontTable.xml.rels');
  if (!tableFile || !relsFile) {
    if (faces.size > 0) throw new Error('DOCX 缺少字体表，无法嵌入字体');
    return;
  }
  const rels = await relsFile.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map(([tag]) => [attribute(tag, 'Id'), attribute(tag, 'Target')]));

  const table = (await tableFile.async('string')).replace(FONT, (fontElement, name: string) =>
    fontElement.replace(EMBED, (embed, kind: string) => {
      const face = kind === 'Regular' ? faces.get(name)?.regular : kind === 'Bold' ? faces.get(name)?.bold : undefined;
      if (!face) throw new Error(`没有为字体 ${name} 的 ${kind} 字形准备文件`);
      const digest = createHash('sha256').update(face).digest('hex').toUpperCase();
      const key = `{${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}}`;
      // Stored, not deflated: a CJK subset shrinks by only ~30% (~25 KB a form), and deflating it
      // in JavaScript took longer than the rest of the zip (5–15 ms a form).
      zip.file(`word/${targets.get(attribute(embed, 'r:id'))}`, obfuscateFont(face, key), { createFolders: false, compression: 'STORE' });
      return embed.replace(attribute(embed, 'w:fontKey'), key);
    }),
  );
  zip.file('word/fontTable.xml', table, { createFolders: false });
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!match) throw new Error(`DOCX 字体表缺少属性 ${name}：${tag}`);
  return match[1]!;
}
