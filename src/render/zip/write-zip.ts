import { crc32, deflateRawSync } from 'node:zlib';
import { type BoundedCache, createBoundedCache } from '../bounded-cache.js';

export interface ZipEntry {
  /** Path inside the archive (ASCII: OOXML part names are). */
  name: string;
  data: string | Uint8Array;
  /** 'store' for data that deflate barely shrinks (font subsets); default 'deflate'. */
  method?: 'store' | 'deflate';
}

/** Deflated bytes of parts that recur unchanged in every document (theme, numbering, settings…), kept per writer. */
export type DeflateCache = BoundedCache<string, Uint8Array>;

/** Deflated text parts up to this size are kept in a writer's cache: a form's constant parts are small, its body is not. */
const CACHEABLE_TEXT = 16 * 1024;

export function createDeflateCache(): DeflateCache {
  return createBoundedCache(64);
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
    // The fields local header and central directory share, from "version needed" to the name's length.
    const shared = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
      view.setUint16(at + 2, /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0, true); // UTF-8 name
      view.setUint16(at + 4, deflate ? 8 : 0, true);
      view.setUint16(at + 6, time, true);
      view.setUint16(at + 8, day, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, body.length, true);
      view.setUint32(at + 18, raw.length, true);
      view.setUint16(at + 22, name.length, true);
    };
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    shared(local, 4);
    locals.push(new Uint8Array(local.buffer), name, body);

    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    shared(central, 6);
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
