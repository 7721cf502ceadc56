import { createHash } from 'node:crypto';
import type * as fontkit from 'fontkit';

/**
 * Two patches of pdfkit 0.19.1's (unexported) EmbeddedFont, kept until pdfkit writes them so:
 *
 * - **ToUnicode as `bfchar`.** pdfkit maps glyphs to text with `bfrange` entries whose
 *   destinations are arrays; Ghostscript (`txtwrite`, and a `pdfwrite` pass) reads those as
 *   garbage for every Chinese character. One `<glyph> <UTF-16BE>` pair per glyph, in blocks
 *   of at most 100 (Adobe TN 5014 / 5411), reads the same in Ghostscript, poppler and pdf.js.
 * - **A subset tag per subset** (ISO 32000-1 §9.6.4). pdfkit derives the six letters before
 *   `+` from the resource id (F1 → `BZZZZZ`), so every form, and every pack of forms, names
 *   different subsets alike. The tag here is a hash of the face and the subset's glyphs and
 *   text: different subsets get different tags, the same input the same bytes.
 *
 * pdfkit takes the tag from `this.id` while it embeds (letter i of the tag is
 * `id.charCodeAt(i) + 17`); `embed` runs with an id that spells our tag and checks the result,
 * so a pdfkit that names subsets otherwise fails here instead of writing shared tags.
 */
export interface PdfkitEmbeddedFont {
  id: string;
  font: fontkit.Font;
  /** Text (code points) of each subset glyph, by subset glyph id; 0 is .notdef. */
  unicode: (number[] | undefined)[];
  subset: { glyphs: number[] };
  dictionary?: { data: Record<string, unknown> };
  embed(): unknown;
  toUnicodeCmap(): unknown;
  document: { ref(): { end(chunk: string): void } };
}

const BFCHAR_BLOCK = 100;
const patched = new WeakSet<object>();

const hex4 = (unit: number) => unit.toString(16).padStart(4, '0');

/** A code point as UTF-16BE hex: a surrogate pair outside the BMP. */
function utf16Hex(codePoint: number): string {
  if (codePoint <= 0xffff) return hex4(codePoint);
  const value = codePoint - 0x10000;
  return hex4(0xd800 | (value >>> 10)) + hex4(0xdc00 | (value & 0x3ff));
}

/** The ToUnicode CMap text for glyph → code points (index = glyph id). */
export function toUnicodeCmapText(unicode: readonly (readonly number[] | undefined)[]): string {
  const pairs: string[] = [];
  unicode.forEach((codePoints, gid) => {
    if (gid === 0 || !codePoints || codePoints.length === 0) return;
    pairs.push(`<${hex4(gid)}> <${codePoints.map(utf16Hex).join('')}>`);
  });
  const blocks: string[] = [];
  for (let at = 0; at < pairs.length; at += BFCHAR_BLOCK) {
    const block = pairs.slice(at, at + BFCHAR_BLOCK);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** Six letters A–Z from the face's PostScript name and the subset's glyphs and their text. */
export function subsetTag(postscriptName: string, glyphs: readonly number[], unicode: readonly (readonly number[] | undefined)[]): string {
  const hash = createHash('sha256')
    .update(`${postscriptName}\n${glyphs.join(',')}\n${unicode.map((cps) => (cps ?? []).join('.')).join(',')}`)
    .digest();
  return Array.from(hash.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** Patches the class's prototype once (every document's embedded fonts use it). */
export function useGhostscriptReadableFonts(EmbeddedFont: { prototype: object }): void {
  const prototype = EmbeddedFont.prototype as PdfkitEmbeddedFont;
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const originalEmbed = prototype.embed;

  prototype.toUnicodeCmap = function toUnicodeCmap(this: PdfkitEmbeddedFont) {
    const cmap = this.document.ref();
    cmap.end(toUnicodeCmapText(this.unicode));
    return cmap;
  };

  prototype.embed = function embed(this: PdfkitEmbeddedFont) {
    const tag = subsetTag(this.font.postscriptName ?? '', this.subset.glyphs, this.unicode);
    const id = this.id;
    // pdfkit: tag letter i = id.charCodeAt(i) + 17, for i = 1…6.
    this.id = `T${Array.from(tag, (letter) => String.fromCharCode(letter.charCodeAt(0) - 17)).join('')}`;
    let result: unknown;
    try {
      result = originalEmbed.call(this);
    } finally {
      this.id = id;
    }
    const baseFont = this.dictionary?.data.BaseFont;
    if (typeof baseFont !== 'string' || !baseFont.startsWith(`${tag}+`)) {
      throw new Error(`pdfkit 未按预期命名字体子集（${String(baseFont)}，应为 ${tag}+…）`);
    }
    return result;
  };
}
