import { describe, expect, it } from 'vitest';
import { subsetTag, toUnicodeCmapText } from './font-subset-objects.js';

/** The `<glyph> <text>` pairs of the bfchar blocks. */
const pairs = (cmap: string) =>
  [...cmap.matchAll(/beginbfchar\n([\s\S]*?)\nendbfchar/g)].flatMap(([, block]) =>
    block!.split('\n').map((line) => /^<([0-9a-f]{4})> <([0-9a-f]+)>$/.exec(line)!.slice(1)),
  );

describe('ToUnicode CMap', () => {
  it('maps each glyph with bfchar, UTF-16BE, surrogate pairs outside the BMP, .notdef left out', () => {
    const cmap = toUnicodeCmapText([[0], [0x5e74], [0x20bb7], [0x66, 0x69], []]);
    expect(cmap).not.toContain('bfrange');
    expect(pairs(cmap)).toEqual([
      ['0001', '5e74'],
      ['0002', 'd842dfb7'],
      ['0003', '00660069'],
    ]);
    expect(cmap).toContain('1 begincodespacerange\n<0000> <ffff>\nendcodespacerange');
  });

  it('writes at most 100 entries per block', () => {
    const unicode = [[0], ...Array.from({ length: 250 }, (_, i) => [0x4e00 + i])];
    const cmap = toUnicodeCmapText(unicode);
    expect([...cmap.matchAll(/^(\d+) beginbfchar$/gm)].map(([, n]) => Number(n))).toEqual([100, 100, 50]);
    expect(cmap.match(/endbfchar/g)).toHaveLength(3);
    expect(pairs(cmap)).toHaveLength(250);
  });
});

describe('subset tag', () => {
  it('is six capital letters from the face and the subset, the same for the same subset', () => {
    const tag = subsetTag('NotoSerifSC-Regular', [0, 5, 9], [[0], [0x4e00], [0x4e01]]);
    expect(tag).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('NotoSerifSC-Regular', [0, 5, 9], [[0], [0x4e00], [0x4e01]])).toBe(tag);
    expect(subsetTag('NotoSerifSC-Regular', [0, 9, 5], [[0], [0x4e01], [0x4e00]])).not.toBe(tag);
    expect(subsetTag('NotoSerifSC-Bold', [0, 5, 9], [[0], [0x4e00], [0x4e01]])).not.toBe(tag);
  });
});
