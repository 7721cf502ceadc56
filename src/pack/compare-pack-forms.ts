import type { PackForm } from './pack-form.js';

/**
 * 部门整体 comes first in a department's pack (as in the budget system's own exports); project
 * forms of either family (二级项目, 项目支出) follow together, by 项目编码.
 */
const KIND_ORDER: Record<string, number> = { 部门整体: 0, 二级项目: 1, 项目支出: 1 };

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
    (KIND_ORDER[a.form] ?? 9) - (KIND_ORDER[b.form] ?? 9) ||
    compareText(a.code, b.code) ||
    compareText(a.form, b.form) ||
    compareText(a.file, b.file)
  );
}
