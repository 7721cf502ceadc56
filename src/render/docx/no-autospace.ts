/**
 * Word, WPS and LibreOffice add a quarter em between Chinese and Latin letters or digits
 * (`2023 年`) unless a paragraph says not to (w:autoSpaceDE/DN); the PDF adds none, and the
 * layout broke the lines without it. docx writes only autoSpaceDN, so both go into the
 * document defaults here, with snapToGrid off (a document grid would stretch the lines).
 * The defaults hold only w:spacing, which CT_PPrBase orders after all three.
 */
const OFF = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>';
const NORMAL = '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>';

export function withoutAutospace(stylesXml: string): string {
  const match = /<w:pPrDefault>\s*<w:pPr>/.exec(stylesXml);
  if (!match || !stylesXml.includes(NORMAL)) throw new Error('docx 的样式部件结构与预期不符（w:pPrDefault、Normal）');
  const at = match.index + match[0].length;
  // LibreOffice reads these from the Normal style, not from the defaults: both carry them.
  const normal = NORMAL.replace('<w:qFormat/>', `<w:qFormat/><w:pPr>${OFF}</w:pPr>`);
  return `${stylesXml.slice(0, at)}${OFF}${stylesXml.slice(at)}`.replace(NORMAL, normal);
}
