import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive (ASCII: OOXML part names are). */
  name: string;
  data: string | Uint8Array;
  /** 'store' for data that deflate barely shrinks (font subsets); default 'deflate'. */
  method?: 'store' | 'deflate';
}

/** Deflated bytes of parts that recur unchanged in every document (theme, numbering, settings…), kept per writer. */
export interface DeflateCache {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
}

/** Deflated text parts up to this size are kept in a writer's cache: a form's constant parts are small, its body is not. */
const CACHEABLE_TEXT = 16 * 1024;
const MAX_CACHED = 64;

/** A bounded cache: the first parts seen stay; a batch of 100,000 forms never grows it. */
export function createDeflateCache(): DeflateCache {
  const entries = new Map<string, Uint8Array>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      if (entries.size < MAX_CACHED) entries.set(key, value);
    },
  };
}

/**
 * A ZIP archive whose bytes depend only on the entries and `date`: entries in the order
 * given, each dated `date` (UTC, so the time zone of the machine does not matter), deflated
 * by zlib at level 6 or stored. No extra fields, no comments, no data descriptors.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date, cache?: DeflateCache): Uint8Array {
  const { time, day } = dosDateTime(date);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflate = entry.method !== 'store';
    const body = deflate ? deflated(entry.data, raw, cache) : raw;
    const crc = crc32(raw);
    const header = (signature: number, size: number) => {
      const view = new DataView(new ArrayBuffer(size));
      view.setUint32(0, signature, true);
      return view;
    };
    const local = header(0x04034b50, 30);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, name.length > 0 && /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0, true);
    local.setUint16(8, deflate ? 8 : 0, true);
    local.setUint16(10, time, true);
    local.setUint16(12, day, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    locals.push(new Uint8Array(local.buffer), name, body);

    const central = header(0x02014b50, 46);
    central.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    central.setUint16(6, 20, true);
    central.setUint16(8, local.getUint16(6, true), true);
    central.setUint16(10, deflate ? 8 : 0, true);
    central.setUint16(12, time, true);
    central.setUint16(14, day, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, raw.length, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('ZIP64 is not supported: the archive is over 4 GB or has over 65,535 entries');
  return new Uint8Array(Buffer.concat([...locals, ...centrals, new Uint8Array(end.buffer)]));
}

function deflated(data: string | Uint8Array, raw: Uint8Array, cache: DeflateCache | undefined): Uint8Array {
  const cacheable = cache && typeof data === 'string' && data.length <= CACHEABLE_TEXT;
  const hit = cacheable ? cache.get(data) : undefined;
  if (hit) return hit;
  const body = deflateRawSync(raw, { level: 6 });
  if (cacheable) cache.set(data, body);
  return body;
}

/** MS-DOS date and time fields (2-second resolution, 1980–2107); earlier dates clamp to 1980-01-01. */
export function dosDateTime(date: Date): { time: number; day: number } {
  const year = date.getUTCFullYear();
  if (year < 1980) return { time: 0, day: (1 << 5) | 1 };
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((Math.min(year, 2107) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}
