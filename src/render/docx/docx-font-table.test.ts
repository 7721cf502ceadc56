import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../fonts/font-set.js';
import { faceFontEntry, fontTableElement, systemFontEntry } from './docx-font-table.js';

const fonts = loadFontSet(fileURLToPath(new URL('../../../fonts/fonts.json', import.meta.url)));

describe('font table entries', () => {
  it('names the office faces with their alternates, either way round', () => {
    expect(systemFontEntry('仿宋')).toEqual({ name: '仿宋', altName: 'FangSong', panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' });
    expect(systemFontEntry('SimSun')).toMatchObject({ altName: '宋体', charset: '86', panose1: '02010600030101010101' });
    expect(systemFontEntry('方正小标宋简体')).toEqual({ name: '方正小标宋简体', charset: '86', family: 'auto', pitch: 'variable' });
  });

  it('describes an embedded face from its own tables', () => {
    const entry = faceFontEntry('NotoSerifSC_0123abcd', fonts.faceFor({ role: 'body', bold: false }).font());
    expect(entry).toMatchObject({ altName: 'Noto Serif SC', panose1: '02020200000000000000', charset: '86', family: 'roman', pitch: 'variable' });
    expect(entry.sig?.csb[0]).toMatch(/^[0-9A-F]{8}$/);
  });

  it('writes the elements in the schema order, the embeds last', () => {
    const xml = fontTableElement(systemFontEntry('黑体'), ['<w:embedRegular r:id="rId1" w:fontKey="{K}" w:subsetted="1"/>']);
    expect(xml).toBe(
      '<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:embedRegular r:id="rId1" w:fontKey="{K}" w:subsetted="1"/></w:font>',
    );
    expect(fontTableElement({ name: 'A&B', charset: '00', family: 'auto', pitch: 'variable' })).toContain('w:name="A&amp;B"');
  });
});
