/** What `ziping build --pdfa` adds to a PDF/A-3b file (kept apart from pdfkit's types: part of the library API). */
export interface PdfaOptions {
  /** The form's source, embedded as the PDF/A-3 associated file with /AFRelationship /Source. */
  source?: { name: string; bytes: Uint8Array; mimeType?: string; description?: string };
}
