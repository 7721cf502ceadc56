import iconv from 'iconv-lite';

export type ExportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedExport {
  text: string;
  encoding: ExportEncoding;
  /** Bytes that the encoding could not decode became U+FFFD; the first such line, if any. */
  undecodableLine?: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The system's export as text. Exports come as UTF-8 (with or without a BOM) or, from older
 * Windows setups, GB18030/GBK; a byte string that is valid UTF-8 is taken as UTF-8 (GBK text
 * of any length practically never is), anything else as GB18030, a superset of GBK and GB2312
 * (unless GB18030 leaves more bytes undecoded than UTF-8: a UTF-8 file with a stray byte).
 * A UTF-16 BOM is honoured too, since Windows' "Unicode" text is UTF-16.
 */
export function decodeExport(bytes: Uint8Array): DecodedExport {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    return withUndecodable(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withUndecodable(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withUndecodable(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8
  }
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const utf8Bad = count(utf8, '\uFFFD');
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030', { stripBOM: false });
  return count(gb, '\uFFFD') <= utf8Bad ? withUndecodable(gb, 'gb18030') : withUndecodable(utf8, 'utf-8');
}

function count(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++;
  return n;
}

function withUndecodable(text: string, encoding: ExportEncoding): DecodedExport {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return { text, encoding };
  return { text, encoding, undecodableLine: text.slice(0, at).split(/\r\n|\r|\n/).length };
}
