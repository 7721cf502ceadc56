import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createDeflateCache, dosDateTime, writeZip } from './write-zip.js';

const date = new Date('2024-03-05T06:07:08Z');

describe('writeZip', () => {
  const font = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);
  const entries = [
    { name: '[Content_Types].xml', data: '<Types/>'.repeat(200) },
    { name: 'word/document.xml', data: '<w:t>绩效自评表 &amp; 得分</w:t>'.repeat(50) },
    { name: 'word/fonts/font1.odttf', data: font, method: 'store' as const },
    { name: 'empty.xml', data: '' },
  ];

  it('is read back by another zip implementation: names in order, contents, methods and dates', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, date));
    expect(Object.keys(zip.files)).toEqual(entries.map((entry) => entry.name));
    expect(await zip.file('word/document.xml')!.async('string')).toBe(entries[1]!.data);
    expect(await zip.file('word/fonts/font1.odttf')!.async('uint8array')).toEqual(font);
    expect(await zip.file('empty.xml')!.async('string')).toBe('');
    for (const entry of Object.values(zip.files)) {
      // JSZip reads DOS times as local time; compare the fields, not the instant.
      expect([entry.date.getFullYear(), entry.date.getMonth(), entry.date.getDate(), entry.date.getHours(), entry.date.getMinutes(), entry.date.getSeconds()])
        .toEqual([2024, 2, 5, 6, 7, 8]);
    }
    const raw = writeZip(entries, date);
    const view = new DataView(raw.buffer, raw.byteOffset);
    // Method of the first entry (deflated text) and of the stored font, from their local headers.
    expect(view.getUint16(8, true)).toBe(8);
    const fontHeader = Buffer.from(raw).indexOf(Buffer.from('word/fonts/font1.odttf')) - 30;
    expect(view.getUint16(fontHeader + 8, true)).toBe(0);
  });

  it('gives the same bytes for the same entries and date, with or without a deflate cache', () => {
    const cache = createDeflateCache();
    const first = writeZip(entries, date, cache);
    expect(writeZip(entries, date, cache)).toEqual(first);
    expect(writeZip(entries, date)).toEqual(first);
    expect(writeZip(entries, new Date('2024-03-05T06:07:10Z'))).not.toEqual(first);
  });
});

describe('dosDateTime', () => {
  it('packs UTC fields with 2-second resolution and clamps dates before 1980', () => {
    expect(dosDateTime(date)).toEqual({ time: (6 << 11) | (7 << 5) | 4, day: (44 << 9) | (3 << 5) | 5 });
    expect(dosDateTime(new Date(0))).toEqual({ time: 0, day: (1 << 5) | 1 });
  });
});
