import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readWorkbook, WorkbookError } from './read-workbook.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package as Excel writes it: one sheet, shared strings, styles with a custom format. */
async function workbook(sheetData: string, sharedStrings = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="二级项目 1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${sharedStrings}</sst>`);
  zip.file(
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.000"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>` +
      `<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"><alignment wrapText="1"/></xf><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="165"/><xf numFmtId="11"/></cellXfs></styleSheet>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const texts = async (sheetData: string, shared?: string) => (await readWorkbook(await workbook(sheetData, shared)))[0].cells.map((c) => [`${c.column}:${c.row}`, c.text]);

describe('readWorkbook', () => {
  it('reads shared, rich-text, inline and formula strings as displayed', async () => {
    const shared = '<si><t>项目名称：</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">夏季 </t></r><r><t>慰问&amp;春节</t></r><rPh><t>カナ</t></rPh></si><si><t>a_x000D_b</t></si>';
    const cells = await texts(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>≥</t></is></c></row>' +
        '<row r="3"><c r="B3" t="str"><f>A1&amp;""</f><v>项目名称：</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>2</v></c></row>',
      shared,
    );
    expect(cells).toEqual([
      ['1:1', '项目名称：'],
      ['2:1', '夏季 慰问&春节'],
      ['3:1', '≥'],
      ['2:3', '项目名称：'],
      ['3:3', 'TRUE'],
      ['4:3', 'a\rb'],
    ]);
  });

  it('shows numbers through their style in decimals, formula results by their cached value', async () => {
    const cells = await texts(
      '<row r="2"><c r="A2"><v>0.10000000000000001</v></c><c r="B2" s="1"><v>1190000</v></c><c r="C2" s="2"><v>2.0005</v></c>' +
        '<c r="D2" s="3"><v>0.33329999999999999</v></c><c r="E2"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r="F2" s="1"/></row>',
    );
    expect(cells).toEqual([
      ['1:2', '0.1'],
      ['2:2', '1,190,000.00'],
      ['3:2', '2.001'],
      ['4:2', '33.33'],
      ['5:2', '0.3'],
    ]);
  });

  it('refuses a date, an error value and an uncalculated formula, naming sheet and cell', async () => {
    const problem = async (cell: string) => (await readWorkbook(await workbook(`<row r="7">${cell}</row>`)))[0].problem;
    expect(await problem('<c r="D7" s="4"><v>45000</v></c>')).toMatchObject({ code: 'E_XLSX_DATE_CELL', sheet: '二级项目 1', cell: 'D7' });
    expect(await problem('<c r="E7" t="e"><v>#DIV/0!</v></c>')).toMatchObject({ code: 'E_XLSX_CELL_ERROR', cell: 'E7' });
    expect(await problem('<c r="F7"><f>A1*2</f></c>')).toMatchObject({ code: 'E_XLSX_FORMULA_NO_VALUE', cell: 'F7' });
    expect(await problem('<c r="G7" s="5"><v>1200</v></c>')).toMatchObject({ code: 'E_XLSX_NUMBER_FORMAT', cell: 'G7' });
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(readWorkbook(await zip.generateAsync({ type: 'uint8array' }))).rejects.toBeInstanceOf(WorkbookError);
  });
});
