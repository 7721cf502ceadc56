import { createHash } from 'node:crypto';
import { type DeflateCache, type ZipEntry, writeZip } from '../zip/write-zip.js';
import type { DocxFontPlan } from './docx-font-plan.js';
import { escapeXml, fontTableElement } from './docx-font-table.js';
import type { DocxParts } from './docx-internals.js';
import { obfuscateFont } from './obfuscate-font.js';

/** `<w:font w:name="…">…</w:font>` of the font table. */
const FONT = /<w:font\b[^>]*\bw:name="([^"]*)"[^>]*>([\s\S]*?)<\/w:font>/g;
/** The font table's root: `<w:fonts …>` (or `<w:fonts …/>` when docx wrote no font). */
const FONTS_ROOT = /<w:fonts\b[^>]*?(\/?)>/;
/** `<w:embedRegular r:id="rId1" w:fontKey="{…}"/>` and the bold/italic variants, attributes in any order. */
const EMBED = /<w:embed(Regular|Bold|Italic|BoldItalic)\b[^>]*\/>/g;
const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/**
 * Zips docx's parts so the file is a function of its input: the core properties'
 * created/modified times become `date`, every entry is dated `date` (docx stamps the current
 * time), and each embedded font goes in obfuscated with a key derived from its own bytes
 * instead of docx's random GUID. The font table describes every family the runs name
 * (`DocxFontPlan.fontTable`), each embedded file marked `w:subsetted`. Fonts are stored, not deflated: a CJK subset shrinks by
 * only ~30%, and deflating it cost more than the rest of the package.
 */
export function packDocx(parts: DocxParts, date: Date, plan: Pick<DocxFontPlan, 'faces' | 'fontTable'>, cache?: DeflateCache): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fonts = placeFonts(parts, plan);
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
 * The font table: one entry per family the runs name, as the plan describes it, with the
 * embed elements docx wrote for it — keys derived from the fonts' bytes, each file marked
 * subsetted (ECMA-376 §17.8.3.3) — and each `word/fonts/fontN.odttf` docx was given a
 * placeholder for, obfuscated with its key. The font table's relationships tell which face
 * each file holds.
 */
function placeFonts(parts: DocxParts, plan: Pick<DocxFontPlan, 'faces' | 'fontTable'>): { table: string; files: Map<string, Uint8Array> } | undefined {
  const { faces } = plan;
  const table = parts.get('word/fontTable.xml');
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (typeof table !== 'string' || typeof rels !== 'string') {
    if (faces.size > 0) throw new Error('DOCX 缺少字体表，无法嵌入字体');
    return undefined;
  }
  const root = FONTS_ROOT.exec(table);
  if (!root) throw new Error('DOCX 字体表缺少 w:fonts 元素');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map(([tag]) => [attribute(tag, 'Id'), attribute(tag, 'Target')]));
  const files = new Map<string, Uint8Array>();
  const embedsByName = new Map<string, string[]>();
  for (const [fontElement, name] of table.matchAll(FONT)) {
    const embeds = [...fontElement.matchAll(EMBED)].map(([embed, kind]) => {
      const face = kind === 'Regular' ? faces.get(name!)?.regular : kind === 'Bold' ? faces.get(name!)?.bold : undefined;
      if (!face) throw new Error(`没有为字体 ${name} 的 ${kind} 字形准备文件`);
      const digest = createHash('sha256').update(face).digest('hex').toUpperCase();
      const key = `{${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}}`;
      files.set(`word/${targets.get(attribute(embed, 'r:id'))}`, obfuscateFont(face, key));
      return `<w:embed${kind} r:id="${attribute(embed, 'r:id')}" w:fontKey="${key}" w:subsetted="1"/>`;
    });
    embedsByName.set(name!, embeds);
  }
  const entries = plan.fontTable.map((entry) => {
    const embeds = embedsByName.get(escapeXml(entry.name)) ?? [];
    embedsByName.delete(escapeXml(entry.name));
    return fontTableElement(entry, embeds);
  });
  const [unplanned] = embedsByName.keys();
  if (unplanned !== undefined) throw new Error(`字体表中的字体 ${unplanned} 不在字体计划中`);
  const open = root[1] ? `${root[0].slice(0, -2)}>` : root[0];
  return { table: `${table.slice(0, root.index)}${open}${entries.join('')}</w:fonts>`, files };
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!match) throw new Error(`DOCX 字体表缺少属性 ${name}：${tag}`);
  return match[1]!;
}
