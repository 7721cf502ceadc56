import { describe, expect, it } from 'vitest';
import { obfuscateFont } from './obfuscate-font.js';

describe('obfuscateFont', () => {
  const font = Uint8Array.from({ length: 40 }, (_, i) => i);
  const key = '{00112233-4455-6677-8899-AABBCCDDEEFF}';

  it('XORs the first 32 bytes with the key bytes in reverse order (ECMA-376 §17.8.1)', () => {
    const out = obfuscateFont(font, key);
    expect(out[0]).toBe(0 ^ 0xff);
    expect(out[1]).toBe(1 ^ 0xee);
    expect(out[15]).toBe(15 ^ 0x00);
    expect(out[16]).toBe(16 ^ 0xff);
    expect(out[31]).toBe(31 ^ 0x00);
    expect([...out.subarray(32)]).toEqual([...font.subarray(32)]);
  });

  it('is its own inverse and leaves its input alone', () => {
    const out = obfuscateFont(font, key);
    expect(out).not.toEqual(font);
    expect(obfuscateFont(out, key)).toEqual(font);
    expect(font[0]).toBe(0);
  });

  it('rejects a key that is not a GUID', () => {
    expect(() => obfuscateFont(font, 'not-a-guid')).toThrow(/GUID/);
  });
});
