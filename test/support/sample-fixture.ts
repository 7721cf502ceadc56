import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real published export (ground truth), copied from ../shared/samples. */
export const SAMPLE_FILE = fileURLToPath(new URL('../fixtures/yuzhong-2023-self-evaluation.txt', import.meta.url));

export interface SampleFormText {
  title: string;
  /** 项目编码 as printed, to match the form to its YAML/PDF. */
  code: string;
  /** Every non-empty tab-separated cell of the form, in the export's reading order. */
  cells: string[];
}

/** Splits the export at its title lines (`2023年度…绩效自评表`) and lists each form's cells. */
export function sampleForms(text = readFileSync(SAMPLE_FILE, 'utf8')): SampleFormText[] {
  const forms: SampleFormText[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
    if (cells.length === 0) continue;
    if (/^\d{4}年度.*绩效自评表$/.test(cells[0])) forms.push({ title: cells[0], code: '', cells: [] });
    const form = forms.at(-1);
    if (!form) continue;
    form.cells.push(...cells);
    const codeAt = cells.findIndex((c) => /^项目编码[:：]$/.test(c));
    if (codeAt >= 0) form.code = cells[codeAt + 1];
  }
  return forms;
}

/** For comparing printed text: no white space, full-width punctuation folded to half-width. */
export function normalizeText(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[：（），；]/g, (c) => ({ '：': ':', '（': '(', '）': ')', '，': ',', '；': ';' })[c]!);
}

/**
 * Checks that `actual` (text extracted from a PDF) is exactly the cells in order, allowing
 * between them only the given template labels. Returns a description of the first
 * difference, or null.
 */
export function compareCellSequence(actual: string, cells: string[], allowedExtras: string[] = []): string | null {
  const text = normalizeText(actual);
  const extras = allowedExtras.map(normalizeText);
  let at = 0;
  for (const [i, cell] of cells.entries()) {
    const wanted = normalizeText(cell);
    let found = text.startsWith(wanted, at);
    while (!found) {
      const extra = extras.find((e) => e && text.startsWith(e, at));
      if (!extra) break;
      at += extra.length;
      found = text.startsWith(wanted, at);
    }
    if (!found) return `cell ${i} "${cell}" expected at …${text.slice(Math.max(0, at - 20), at)}⟨here⟩${text.slice(at, at + 40)}…`;
    at += wanted.length;
  }
  return at === text.length ? null : `unexpected text after the last cell: ${text.slice(at, at + 80)}`;
}
