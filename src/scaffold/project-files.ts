import { builtInFormats } from '../load/format/format-registry.js';
import { FORM_FAMILIES, newFormText, type FormFamily } from './form-text.js';

export interface ScaffoldFile {
  /** Relative to the project folder, with `/`. */
  path: string;
  text: string;
}

/** Example codes: unique per year, and plainly not a real project's. */
const EXAMPLE_CODES: Record<FormFamily, string> = { 部门整体: 'EXAMPLE-0001', 二级项目: 'EXAMPLE-0002', 项目支出: 'EXAMPLE-0003' };

/**
 * The forms `ziping init` writes: one example per family under `data/<year>/示例/`, with no
 * modeline — the project's editor settings map the schema onto `data/**\/*.yaml`.
 */
export function exampleForms(year: number): ScaffoldFile[] {
  return FORM_FAMILIES.map((family) => ({
    path: `data/${year}/示例/${family}.yaml`,
    text: newFormText({ format: builtInFormats().get(family)!.definition, code: EXAMPLE_CODES[family], name: `示例${family}`, year, department: '示例部门' }),
  }));
}

export const PROJECT_CONFIG_TEXT = `${JSON.stringify({ out: 'out', format: 'pdf,docx' }, null, 2)}\n`;

/** VS Code (YAML extension) checks and completes every form under data/ against the project's schema. */
export const EDITOR_SETTINGS_TEXT = `${JSON.stringify({ 'yaml.schemas': { './form.schema.json': ['data/**/*.yaml'] } }, null, 2)}\n`;

export const IGNORED_OUTPUT = 'out/';
