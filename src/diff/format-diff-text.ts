import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diffSummary } from './diff-summary.js';
import type { FieldChange } from './field-change.js';
import type { FormComparison, TreeDiff } from './form-comparison.js';

/** Under `  数据：` / `  结果：`, continuation lines line up with the text (two spaces + three full-width characters). */
const CONTINUATION = '        ';

/**
 * The human report, in Chinese, for the finance officer checking a correction: per changed
 * form the source fields (数据) and the printed values that moved with them (结果), a row's
 * changes on one line; then forms added, removed, or not comparable. Diagnostics are printed
 * by the caller's formatter (the CLI's), so this stays free of CLI code.
 */
export function formatDiffText(diff: TreeDiff, formatDiagnostic: (diagnostic: Diagnostic) => string): string {
  const lines: string[] = [];
  for (const form of diff.forms) {
    const title = formTitle(form);
    if (form.status === 'changed' || form.renamed) {
      const files = form.renamed ? `${form.oldFile} → ${form.file}` : form.file;
      lines.push(`${files}  ${title}${form.status === 'changed' ? '' : '（内容没有变化）'}`);
      if (form.status !== 'changed') continue;
      lines.push(...section('数据', form.source));
      lines.push(...(form.printed.length > 0 ? section('结果', form.printed) : ['  结果：打印的数值没有变化']));
    } else if (form.status === 'added') {
      lines.push(`新增表单：${form.file}  ${title}  自评总分 ${form.printed[0]?.new ?? ''}`);
    } else if (form.status === 'removed') {
      lines.push(`删除表单：${form.file}  ${title}  自评总分 ${form.printed[0]?.old ?? ''}`);
    } else if (form.status === 'failed') {
      lines.push(`无法比较：${form.oldFile && form.oldFile !== form.file ? `${form.oldFile} → ` : ''}${form.file}${title ? `  ${title}` : ''}`);
      lines.push(...form.errors.map(formatDiagnostic));
    }
  }
  lines.push(summaryLine(diff));
  return `${lines.join('\n')}\n`;
}

function formTitle(form: FormComparison): string {
  return form.name ? `${form.name}（${form.code}）` : '';
}

/** `  数据：第1个指标「…」全年完成值 220 → 180`, a row's changes joined by ；. */
function section(heading: string, changes: readonly FieldChange[]): string[] {
  const rows: FieldChange[][] = [];
  for (const change of changes) {
    const last = rows.at(-1);
    if (last && change.row !== '' && change.field !== '' && last[0].row === change.row && last[0].field !== '') last.push(change);
    else rows.push([change]);
  }
  return rows.map((row, index) => `${index === 0 ? `  ${heading}：` : CONTINUATION}${rowText(row)}`);
}

function rowText(changes: readonly FieldChange[]): string {
  const [first] = changes;
  if (first.field === '') return first.old === null ? `新增${first.row}：${show(first.new)}` : `删除${first.row}：${show(first.old)}`;
  return changes.map((change, index) => `${index === 0 ? change.label : change.field} ${show(change.old)} → ${show(change.new)}`).join('；');
}

function show(value: string | null): string {
  if (value === null) return '（无）';
  if (value === '') return '（空）';
  return value.replace(/\r?\n/g, '↵');
}

function summaryLine(diff: TreeDiff): string {
  const summary = diffSummary(diff);
  const total = diff.forms.length;
  if (summary.unchanged === total && summary.renamed === 0) return `没有差异（比较了 ${total} 个表单）`;
  const parts = [
    [summary.changed, '有改动'],
    [summary.added, '新增'],
    [summary.removed, '删除'],
    [summary.renamed, '改名或移动'],
    [summary.failed, '无法比较'],
    [summary.unchanged, '没有变化'],
  ] as const;
  const counted = parts.filter(([count]) => count > 0).map(([count, text]) => `${count} 个${text}`);
  return `比较了 ${total} 个表单：${counted.join('，')}`;
}
