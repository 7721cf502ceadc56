import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode-source.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeSource', () => {
  it('decodes UTF-8 text', () => {
    expect(decodeSource(bytes('form: 二级项目\n'))).toEqual({ ok: true, text: 'form: 二级项目\n' });
  });

  it('drops a leading byte order mark', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'year: 2023'))).toEqual({ ok: true, text: 'year: 2023' });
  });

  it('locates the first bad byte by line and column', () => {
    // 0xD3 0xE5 is 渝 in GBK: not UTF-8.
    const result = decodeSource(bytes('form: 二级项目\nname: 重庆', [0xd3, 0xe5], '中\n'));
    expect(result).toEqual({ ok: false, offset: 31, byte: 0xd3, line: 2, col: 9 });
  });

  it('does not count a BOM as a column', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toMatchObject({ ok: false, offset: 5, line: 1, col: 3 });
  });

  it('rejects overlong forms, surrogates and truncated sequences', () => {
    expect(decodeSource(bytes('a', [0xc0, 0x80]))).toMatchObject({ ok: false, offset: 1 });
    expect(decodeSource(bytes('ab', [0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, offset: 2 });
    expect(decodeSource(bytes('abc', [0xe4, 0xb8]))).toMatchObject({ ok: false, offset: 3, col: 4 });
    expect(decodeSource(bytes([0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ ok: false, offset: 0 });
  });
});
