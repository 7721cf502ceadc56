import type * as Fontkit from 'fontkit';

interface DecodableGlyph {
  _decode(): unknown;
  _font: { _variationProcessor?: unknown };
  __decoded?: unknown;
}

let installed = false;

/**
 * fontkit decodes a TrueType glyph's whole outline every time a subset includes it, only to
 * read its contour count (TTFSubset._addGlyph); with a parsed font kept for the process, each
 * CJK glyph is decoded again for every document (~10 ms a form). Glyph objects are cached by
 * the font, so caching the decoded outline on the glyph makes that once per process.
 * Variable fonts are left alone: their outlines depend on the chosen variation.
 */
export function memoizeGlyphOutlines(font: Fontkit.Font): void {
  if (installed) return;
  const glyph = font.getGlyph(0) as unknown as DecodableGlyph | null;
  const prototype = glyph && (Object.getPrototypeOf(glyph) as DecodableGlyph);
  if (!prototype || typeof prototype._decode !== 'function') return;
  const decode = prototype._decode;
  prototype._decode = function memoizedDecode(this: DecodableGlyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (!('__decoded' in this)) this.__decoded = decode.call(this);
    return this.__decoded;
  };
  installed = true;
}
