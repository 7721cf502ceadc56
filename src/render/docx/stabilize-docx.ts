import JSZip from 'jszip';
import type { EmbeddedFaces } from './docx-font-plan.js';
import { restampFontKeys } from './restamp-font-keys.js';

/**
 * Makes docx's output a function of its input: the core properties' created/modified times
 * become `date`, the embedded fonts go in with keys derived from their bytes (docx draws them
 * at random), and every zip entry is dated `date` (docx stamps the current time). Entries keep docx's
 * fixed order; the unchanged ones keep their compressed bytes (JSZip reuses them), so only
 * the few rewritten parts are deflated again.
 */
export async function stabilizeDocx(bytes: Uint8Array, date: Date, faces: Map<string, EmbeddedFaces>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    zip.file(
      'docProps/core.xml',
      xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_, open: string, _name, close: string) => `${open}${stamp}${close}`),
      { createFolders: false },
    );
  }
  await restampFontKeys(zip, faces);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
