/** The document info as pdfkit holds it when the document ends (pdfmake copies `info` into it). */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** XML 1.0 text: markup characters escaped, characters XML cannot carry dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`;

/**
 * The rdf:Description blocks of the XMP packet for PDF/A (ISO 19005-3 §6.6.2.3): each info
 * entry mirrored by its XMP property with the same value (veraPDF checks them pairwise), the
 * modification date included, and every value XML-escaped. pdfkit's own version lacks
 * xmp:ModifyDate and writes the title unescaped (NOTES-libraries.md).
 */
export function pdfaXmpDescriptions(info: PdfInfo): string {
  const lines: string[] = [];
  const xmp: string[] = [];
  if (info.CreationDate) xmp.push(`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`);
  if (info.ModDate) xmp.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`);
  if (info.Creator) xmp.push(`<xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>`);
  lines.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${xmp.join('')}</rdf:Description>`);
  const dc = ['<dc:format>application/pdf</dc:format>'];
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  lines.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`);
  const pdf: string[] = [];
  if (info.Producer) pdf.push(`<pdf:Producer>${xml(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) pdf.push(`<pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>`);
  lines.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`);
  return lines.join('\n');
}
