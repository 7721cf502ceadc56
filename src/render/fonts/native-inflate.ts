import { createRequire, Module } from 'node:module';
import { inflateRawSync } from 'node:zlib';

/**
 * tiny-inflate's function, done by zlib: raw DEFLATE `source` into `dest`, which the caller
 * sized. As tiny-inflate, it ignores bytes after the end of the stream and returns `dest`, or
 * a copy of its filled part when the data is shorter.
 */
export function nativeInflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  const length = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, length));
  return length < dest.length ? dest.slice(0, length) : dest;
}

let installed = false;

/**
 * fontkit (and the line breaker pdfkit uses) decompress their Unicode tables with tiny-inflate,
 * a pure-JavaScript inflate: ~40 ms of every fresh process that renders a PDF. This puts
 * zlib's in its place in the module cache, for the copy fontkit and its unicode-trie load,
 * before they load. Where that copy cannot be found, nothing changes.
 */
export function useNativeInflate(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const paths = new Set<string>();
  try {
    const fromFontkit = createRequire(require.resolve('fontkit'));
    paths.add(fromFontkit.resolve('tiny-inflate'));
    paths.add(createRequire(fromFontkit.resolve('unicode-trie')).resolve('tiny-inflate'));
  } catch {
    return;
  }
  for (const path of paths) {
    if (require.cache[path]) continue;
    const entry = new Module(path);
    entry.filename = path;
    entry.loaded = true;
    entry.exports = nativeInflate;
    require.cache[path] = entry;
  }
}
