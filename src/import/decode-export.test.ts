import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeExport } from './decode-export.js';

const TEXT = '2023年度二级项目绩效自评表\r\n状态：绩效审核已审\r\n指标性质\t≥\t≤';

describe('decodeExport', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeExport(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeExport(bytes)).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads GB18030 (and so GBK) bytes that are not UTF-8', () => {
    const bytes = iconv.encode(TEXT, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeExport(bytes)).toEqual({ text: TEXT, encoding: 'gb18030' });
    expect(decodeExport(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    expect(decodeExport(bytes)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8 and names the line of the byte', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行', 'utf8'), Buffer.from([0xff]), Buffer.from('\n第三行', 'utf8')]);
    expect(decodeExport(bytes)).toEqual({ text: '第一行\n第二行\uFFFD\n第三行', encoding: 'utf-8', undecodableLine: 2 });
  });

  it('names the first line of a GB18030 file holding bytes it could not decode', () => {
    const bytes = Buffer.concat([iconv.encode('第一行\r\n第二行', 'gb18030'), Buffer.from([0x81, 0x20]), iconv.encode('\r\n', 'gb18030')]);
    expect(decodeExport(bytes)).toMatchObject({ encoding: 'gb18030', undecodableLine: 2 });
  });
});
