import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeInflate } from './native-inflate.js';

const tinyInflate = createRequire(import.meta.url)('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;

describe('nativeInflate', () => {
  it("gives tiny-inflate's result, also for unicode-trie's deflate-twice tables read from a zero-padded buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 0, max: 64 }), (data, padding) => {
        const once = deflateRawSync(data);
        const twice = deflateRawSync(once);
        const size = Math.max(data.length, once.length) + padding;
        const viaTiny = tinyInflate(tinyInflate(twice, new Uint8Array(size)), new Uint8Array(size));
        const viaZlib = nativeInflate(nativeInflate(twice, new Uint8Array(size)), new Uint8Array(size));
        expect(viaZlib).toEqual(viaTiny);
        expect(viaZlib.subarray(0, data.length)).toEqual(data);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
