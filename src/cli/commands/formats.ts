import { relative } from 'node:path';
import stringWidth from 'string-width';
import { loadFormats } from '../../build/load-template-sources.js';
import { formatFolders, templatesFolder } from '../../build/project/project-settings.js';
import type { FormFormat } from '../../load/format/form-format.js';
import { currentProject } from '../build-settings.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { diagnosticJson } from '../report-json.js';
import * as output from '../output.js';

function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function formatJson(format: FormFormat): object {
  const { definition } = format;
  return {
    name: format.name,
    description: definition.description,
    family: definition.family,
    rules: definition.rules,
    money: definition.money.unit,
    signs: definition.signs,
    grades: definition.grades ?? [],
    fields: definition.fields,
    origin: format.origin,
    folder: shownPath(format.folder),
    definition: shownPath(format.definitionFile),
    template: shownPath(format.template.file),
  };
}

/**
 * `ziping formats`: the installed formats — the built-in ones (or those of `templates`) and the
 * project's `formatFolders` — one line each, as `form:` names them. A definition with errors
 * is listed with its located errors, and the command exits 1.
 */
export async function run(values: { json?: boolean }): Promise<number> {
  const project = currentProject();
  const { registry } = loadFormats(templatesFolder(project, undefined), formatFolders(project));
  if (values.json) {
    output.json({ formats: registry.formats.map(formatJson), errors: registry.diagnostics.map(diagnosticJson) });
  } else {
    const rows = registry.formats.map((format) => {
      const { definition } = format;
      const extras = [...definition.fields.project, ...definition.fields.indicators].map((field) => field.title);
      const added = extras.length > 0 ? `；附加字段：${extras.join('、')}` : '';
      return [format.name, definition.family, definition.rules.name, definition.money.unit, format.origin === '内置' ? '内置' : shownPath(format.folder), `${definition.description}${added}`];
    });
    const header = ['表样', '表类', '评分规则', '金额', '来源', '说明'];
    const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => stringWidth(row[column]))));
    const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - stringWidth(cell) + 2))).join('');
    if (rows.length > 0) output.result([header, ...rows].map(line).join('\n'));
    if (registry.diagnostics.length > 0) output.diagnostic(registry.diagnostics.map(formatDiagnostic).join('\n'));
    output.result(`共 ${registry.formats.length} 个表样${registry.diagnostics.length > 0 ? `；${registry.diagnostics.length} 处定义错误，相应表样未载入` : ''}`);
  }
  return registry.diagnostics.length > 0 ? 1 : 0;
}
