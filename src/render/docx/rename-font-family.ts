/**
 * Gives a TrueType font a new family name by rewriting its `name` table.
 *
 * Runs and the font table name the embedded family `NotoSerifSC_<hash>` (no spaces: names
 * with spaces have been reported to corrupt DOCX files). LibreOffice 7.4 goes by the font
 * table's name, but a reader that registers the file under the family written inside it
 * ("Noto Serif SC") would not find it, so the file says the same name. Copyright, version and
 * licence records are kept (the OFL asks for them).
 */
export function renameFontFamily(font: Uint8Array, family: string, bold: boolean): Uint8Array {
  const tables = readTables(font);
  const name = tables.get('name');
  if (!name) throw new Error('字体缺少 name 表');
  tables.set('name', buildNameTable(name, family, bold));
  return writeFont(font, tables);
}

const PLATFORM_WINDOWS = 3;
const ENCODING_UNICODE_BMP = 1;
const LANGUAGE_EN_US = 0x409;
/** copyright, version, trademark, manufacturer, designer, vendor/designer URL, licence, licence URL */
const KEPT_NAME_IDS = new Set([0, 5, 7, 8, 9, 11, 12, 13, 14]);

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

function utf16be(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[i * 2] = text.charCodeAt(i) >> 8;
    bytes[i * 2 + 1] = text.charCodeAt(i) & 0xff;
  }
  return bytes;
}

function buildNameTable(old: Uint8Array, family: string, bold: boolean): Uint8Array {
  const view = new DataView(old.buffer, old.byteOffset, old.byteLength);
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  const records: { nameId: number; language: number; text: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => view.getUint16(at + d));
    if (platform === PLATFORM_WINDOWS && encoding === ENCODING_UNICODE_BMP && KEPT_NAME_IDS.has(nameId!)) {
      records.push({ nameId: nameId!, language: language!, text: old.subarray(storage + offset!, storage + offset! + length!) });
    }
  }
  const style = bold ? 'Bold' : 'Regular';
  const names: [number, string][] = [
    [1, family],
    [2, style],
    [3, `${family}-${style}`],
    [4, bold ? `${family} Bold` : family],
    [6, `${family}-${style}`],
  ];
  for (const [nameId, text] of names) records.push({ nameId, language: LANGUAGE_EN_US, text: utf16be(text) });
  records.sort((a, b) => a.language - b.language || a.nameId - b.nameId);

  const headerLength = 6 + records.length * 12;
  const total = headerLength + records.reduce((sum, r) => sum + r.text.length, 0);
  const table = new Uint8Array(total);
  const out = new DataView(table.buffer);
  out.setUint16(0, 0);
  out.setUint16(2, records.length);
  out.setUint16(4, headerLength);
  let offset = 0;
  records.forEach((record, i) => {
    const at = 6 + i * 12;
    out.setUint16(at, PLATFORM_WINDOWS);
    out.setUint16(at + 2, ENCODING_UNICODE_BMP);
    out.setUint16(at + 4, record.language);
    out.setUint16(at + 6, record.nameId);
    out.setUint16(at + 8, record.text.length);
    out.setUint16(at + 10, offset);
    table.set(record.text, headerLength + offset);
    offset += record.text.length;
  });
  return table;
}

/** The sfnt checksum: the sum of the big-endian uint32s, the last one zero-padded. */
function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length - (bytes.length % 4);
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let tail = 0;
  for (let i = whole; i < bytes.length; i++) tail |= bytes[i]! << (24 - 8 * (i - whole));
  return (sum + (tail >>> 0)) >>> 0;
}

/** Writes the sfnt: records in tag order, tables 4-byte aligned, checksums and head.checkSumAdjustment recomputed. */
function writeFont(original: Uint8Array, tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  const size = tags.reduce((sum, t) => sum + Math.ceil(tables.get(t)!.length / 4) * 4, headerLength);
  const font = new Uint8Array(size);
  const view = new DataView(font.buffer);
  font.set(original.subarray(0, 4)); // sfnt version
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    font.set(data, offset);
    if (tag === 'head') {
      headOffset = offset;
      view.setUint32(offset + 8, 0);
    }
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) font[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(font.subarray(offset, offset + data.length)));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    offset += Math.ceil(data.length / 4) * 4;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}
