import type { Document } from 'yaml';

/** A file that parsed as YAML: what the later load steps need to place diagnostics. */
export interface ParsedSource {
  file: string;
  text: string;
  doc: Document;
  /** 1-based line/col of a source offset. */
  position(offset: number): { line: number; col: number };
}
