import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../fonts/font-set.js';
import { createFontSubsetter } from './font-subsetter.js';
import { renameFontFamily } from './rename-font-family.js';

const fonts = loadFontSet(fileURLToPath(new URL('../../../fonts/fonts.json', import.meta.url)));

function sfntChecksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('font subsetting and renaming', () => {
  it('subsets a face to the characters asked for, with the family name the runs use', async () => {
    const face = fonts.faceFor({ role: 'body', bold: true });
    const subset = await createFontSubsetter().subset(face.file, [...'绩效自评表0'].map((c) => c.codePointAt(0)!));
    const renamed = renameFontFamily(subset, 'TestFamily', true);
    const font = fontkit.create(Buffer.from(renamed)) as fontkit.Font;
    expect(font.familyName).toBe('TestFamily');
    expect(font.subfamilyName).toBe('Bold');
    expect(font.postscriptName).toBe('TestFamily-Bold');
    expect(font.copyright).toMatch(/Google|Adobe/);
    expect(font.hasGlyphForCodePoint('绩'.codePointAt(0)!)).toBe(true);
    expect(font.hasGlyphForCodePoint('税'.codePointAt(0)!)).toBe(false);
    expect(renamed.length).toBeLessThan(20_000);
  });

  it('writes valid table and whole-font checksums', async () => {
    const face = fonts.faceFor({ role: 'body', bold: false });
    const subset = await createFontSubsetter().subset(face.file, [...'表1'].map((c) => c.codePointAt(0)!));
    const renamed = renameFontFamily(subset, 'X', false);
    expect(renamed.length % 4).toBe(0);
    expect(sfntChecksum(renamed)).toBe(0xb1b0afba);
    const view = new DataView(renamed.buffer);
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + i * 16;
      const tag = String.fromCharCode(...renamed.subarray(record, record + 4));
      if (tag === 'head') continue; // its checksum is taken with checkSumAdjustment zeroed
      const offset = view.getUint32(record + 8);
      const length = view.getUint32(record + 12);
      const table = new Uint8Array(Math.ceil(length / 4) * 4);
      table.set(renamed.subarray(offset, offset + length));
      expect(sfntChecksum(table), tag).toBe(view.getUint32(record + 4));
    }
  });
});
