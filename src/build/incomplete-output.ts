import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LayoutDocument, UnplacedCell } from '../layout/index.js';
import { sourceTexts, type LoadedForm } from '../load/index.js';
import { parseFieldPath } from './field-path.js';

export const squeeze = (text: string) => text.replace(/\s+/gu, '');
export const excerpt = (text: string) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 24 ? `${flat.slice(0, 24)}…` : flat;
};

/** The source field a printed text comes from: the one printed as it, else the longest it contains. */
function fieldOf(loaded: LoadedForm, text: string): string | null {
  const printed = squeeze(text);
  const texts = sourceTexts(loaded.form).map((entry) => ({ ...entry, squeezed: squeeze(entry.text) }));
  const same = texts.find((entry) => entry.squeezed === printed);
  if (same) return same.path;
  const inside = texts.filter((entry) => printed.includes(entry.squeezed)).sort((a, b) => b.squeezed.length - a.squeezed.length);
  return inside[0]?.path ?? null;
}

/** Where a printed text sits in the source: its field's path and position, or the file's start. */
export function sourceFieldAt(loaded: LoadedForm, text: string): { path: string; line: number; col: number } {
  const field = fieldOf(loaded, text);
  return field ? { path: field, ...loaded.locate(parseFieldPath(field)) } : { path: '', line: 1, col: 1 };
}


/**
 * The error for a rendered file that lacks cells: how many rows and cells, located at the
 * source field whose lost text is longest — the one that most likely made its row too tall.
 */
export function incompleteOutputDiagnostic(loaded: LoadedForm, layout: LayoutDocument, format: string, unplaced: UnplacedCell[]): Diagnostic {
  const rows = new Set(unplaced.map((cell) => `${cell.block}:${cell.row}`)).size;
  const longest = unplaced.reduce((a, b) => (squeeze(b.text).length > squeeze(a.text).length ? b : a));
  const block = layout.blocks[longest.block];
  const first = block.kind === 'table' && longest.row !== null ? block.rows[longest.row].slots.find((slot) => slot.kind === 'cell') : undefined;
  const row = first?.kind === 'cell' && squeeze(first.text) !== '' && first.text !== longest.text ? `“${excerpt(first.text)}”一行的` : '';
  return {
    code: 'E_OUTPUT_INCOMPLETE',
    severity: 'error',
    message: `${format.toUpperCase()} 缺少 ${rows} 行的 ${unplaced.length} 个单元格（最长的是${row}“${excerpt(longest.text)}”${longest.partly ? '，只排入了一部分' : ''}），此表单未写出任何文件`,
    // The layout places every line (a row taller than a page is split), so this is ziping's fault, not the form's.
    hint: '排版已安排好的文字未出现在文件中：这是 ziping 的缺陷，请附上此表单报告',
    file: loaded.file,
    ...sourceFieldAt(loaded, longest.text),
  };
}
