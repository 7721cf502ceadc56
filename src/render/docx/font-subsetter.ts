import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Subsets TrueType faces with HarfBuzz, keeping each parsed face warm across documents.
 *
 * `subset-font` copies the whole 15 MB CJK face into WebAssembly memory and re-parses it on
 * every call (~37 ms per face per document). We use the same engine (harfbuzzjs's subsetter
 * wasm) but keep one face per file alive, which caches its tables: ~1.6 ms per subset once
 * warm (measured; a `hb_subset_preprocess`ed face is 1.4 ms but costs ~0.3 s and ~30 MB to make).
 */
export interface FontSubsetter {
  /** A TrueType subset of `file` holding the glyphs of `codePoints` (others are dropped). */
  subset(file: string, codePoints: Iterable<number>): Promise<Uint8Array>;
}

interface HarfBuzzSubsetExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

interface WarmFace {
  hb: HarfBuzzSubsetExports;
  face: number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;

/**
 * Tables a word processor does not need from an embedded CJK face: shaping (GSUB/GPOS/BASE),
 * vertical metrics, variation metadata. Dropping them shrinks the file and the subsetting time.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'BASE', 'STAT', 'vhea', 'vmtx', 'DSIG'];

function tag(name: string): number {
  return [...name].reduce((value, char) => ((value << 8) | char.charCodeAt(0)) >>> 0, 0);
}

let wasmModule: Promise<WebAssembly.Module> | undefined;

/**
 * The module's memory is fixed at 65 MiB (it cannot grow). Faces are packed into instances
 * while they fit — a regular and a bold 15 MB CJK face share one, with room to subset —
 * and a new instance is started when one is full. Faces are shared by every renderer of the
 * process (thread), like the parsed fonts of the font set.
 */
const warmFaces = new Map<string, Promise<WarmFace>>();
let current: HarfBuzzSubsetExports | undefined;

async function newInstance(): Promise<HarfBuzzSubsetExports> {
  wasmModule ??= WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const instance = await WebAssembly.instantiate(await wasmModule);
  const hb = instance.exports as unknown as HarfBuzzSubsetExports;
  hb._initialize();
  return hb;
}

/** Room an instance must keep free for subsetting (a 3,000-character subset fits in 4 MB). */
const SUBSET_ROOM = 4 * 1024 * 1024;

function tryLoadFace(hb: HarfBuzzSubsetExports, bytes: Uint8Array): WarmFace | null {
  const data = hb.malloc(bytes.length);
  if (data === 0) return null;
  new Uint8Array(hb.memory.buffer).set(bytes, data);
  const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
  // A face kept alive caches the tables it has read: after the first subset (~40 ms) each
  // takes ~4 ms, as fast as a preprocessed face, without hb_subset_preprocess's ~0.3 s and
  // ~30 MB per face.
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const room = hb.malloc(SUBSET_ROOM);
  if (face !== 0 && room !== 0) {
    hb.free(room);
    return { hb, face };
  }
  // Too full to subset in: give the memory back and let the caller use a fresh instance.
  if (room !== 0) hb.free(room);
  if (face !== 0) hb.hb_face_destroy(face);
  hb.free(data);
  return null;
}

async function loadFace(file: string): Promise<WarmFace> {
  const bytes = readFileSync(file);
  const loaded = (current && tryLoadFace(current, bytes)) || tryLoadFace((current = await newInstance()), bytes);
  if (!loaded) throw new Error(`字体文件过大，无法在 HarfBuzz 中生成子集：${file}`);
  return loaded;
}

function warmFace(file: string): Promise<WarmFace> {
  let face = warmFaces.get(file);
  if (!face) {
    face = loadFace(file);
    warmFaces.set(file, face);
    face.catch(() => warmFaces.delete(file));
  }
  return face;
}

export function createFontSubsetter(): FontSubsetter {
  return {
    async subset(file, codePoints) {
      const { hb, face } = await warmFace(file);
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('HarfBuzz 无法创建字体子集输入');
      let subsetFace = 0;
      try {
        const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const name of DROPPED_TABLES) hb.hb_set_add(drop, tag(name));
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
        subsetFace = hb.hb_subset_or_fail(face, input);
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      if (subsetFace === 0) throw new Error(`HarfBuzz 无法为字体生成子集：${file}`);
      const blob = hb.hb_face_reference_blob(subsetFace);
      try {
        const offset = hb.hb_blob_get_data(blob, 0);
        const length = hb.hb_blob_get_length(blob);
        if (length === 0) throw new Error(`字体子集为空：${file}`);
        // slice() copies the bytes out of wasm memory before the next call reuses it.
        return new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
      } finally {
        hb.hb_blob_destroy(blob);
        hb.hb_face_destroy(subsetFace);
      }
    },
  };
}
