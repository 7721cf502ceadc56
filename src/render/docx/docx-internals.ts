import { type Document, Packer } from 'docx';

/** The parts of a package by path, in docx's order: XML as text, fonts and media as bytes. */
export type DocxParts = Map<string, string | Uint8Array>;

interface DocxCompiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly []): DocxParts;
}

/**
 * docx's Packer compiles the document to its parts and then zips them with fflate in
 * JavaScript, stamping the current time. We need the parts before zipping (fixed dates,
 * font keys from the font bytes, fonts stored, constant parts deflated once), so we call
 * the compiler the Packer holds: an internal of docx 9.15 (pinned in package.json). The
 * shape is checked here, and the DOCX tests (validator, LibreOffice, byte identity) fail if an
 * upgrade changes what it gives.
 */
export function compileDocxParts(document: Document): DocxParts {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx 的内部接口已变化（Packer.compiler.compile），请核对 docx 版本');
  const parts = compiler.compile(document, undefined, []);
  if (!(parts instanceof Map) || typeof parts.get('word/document.xml') !== 'string') {
    throw new Error('docx 的内部接口已变化（compile 未返回各部件），请核对 docx 版本');
  }
  return parts;
}
