/** How a DOCX names its fonts: 'embed' carries subsets of the configured faces, 'system' names the office PCs' faces. */
export type DocxFontMode = 'embed' | 'system';
