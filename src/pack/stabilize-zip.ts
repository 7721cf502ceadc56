import JSZip from 'jszip';

/**
 * Re-zips an OOXML package with every entry dated `date` (exceljs stamps the current time
 * on each zip entry), so the same workbook gives the same bytes. Entry order is kept.
 */
export async function stabilizeZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
