export type DecodedSource =
  | { ok: true; text: string }
  | { ok: false; offset: number; byte: number; line: number; col: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 bytes → text. A leading BOM is dropped (editors on Windows write one). On bad bytes,
 * reports where the first one is, with line/col counted as the YAML parser counts them
 * (1-based, col in UTF-16 units) so the position matches other diagnostics.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = decoder.decode(bytes.subarray(0, offset));
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
    // A BOM is not a column.
    const col = before.length - lineStart + 1 - (line === 1 && before.startsWith('\uFEFF') ? 1 : 0);
    return { ok: false, offset, byte: bytes[offset] ?? 0, line, col };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (Unicode Table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
