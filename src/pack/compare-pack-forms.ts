import type { PackForm } from './pack-form.js';

/**
 * The 部门整体 family comes first in a department's pack (as in the budget system's own exports);
 * project forms of every format (二级项目, 项目支出, a province's variant) follow together, by 项目编码.
 */
const FAMILY_ORDER = { 部门整体: 0, 项目支出: 1 } as const;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stable pack order: by department, then 部门整体 before the project forms, then by 项目编码,
 * form type and source path (code-point order, never locale order, so every machine agrees).
 */
export function comparePackForms(a: PackForm, b: PackForm): number {
  return (
    compareText(a.department, b.department) ||
    FAMILY_ORDER[a.format.family] - FAMILY_ORDER[b.format.family] ||
    compareText(a.code, b.code) ||
    compareText(a.form, b.form) ||
    compareText(a.file, b.file)
  );
}
