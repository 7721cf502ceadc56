import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPath } from '../format-path.js';
import { yamlOffsetOf } from '../yaml-offset-of.js';
import { FormatCode } from './format-code.js';
import { z } from 'zod';
import { editDistance } from '../edit-distance.js';
import { ChongqingFormSchema, NationalFormSchema } from '../form-schema.js';
import { FORMAT_FILE, FormatDefinitionSchema, RULE_NAMES } from './format-definition.js';
import type { FormFormat } from './form-format.js';

/** A folder that holds format folders (like the package's `templates/`), or is one. */
export interface FormatRoot {
  dir: string;
  /** How `ziping formats` names where a format comes from (`内置`, or the folder as configured). */
  origin: string;
}

export interface FormatFolders {
  formats: FormFormat[];
  /** The first root's shared `partials/` (a form's own `template:` may use them). */
  partials: Record<string, string>;
  /** Every problem of every definition, located in its file; formats with errors are left out. */
  diagnostics: Diagnostic[];
}

/** A definition is a few dozen lines; a template a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;

/** `*.hbs` of a folder by name, as files (for messages) with their text. */
function readHbsFolder(folder: string): Record<string, { file: string; text: string }> {
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.hbs'))
      .sort()
      .map((name) => [basename(name, '.hbs'), { file: join(folder, name), text: readFileSync(join(folder, name), 'utf8') }]),
  );
}

const texts = (files: Record<string, { text: string }>) => Object.fromEntries(Object.entries(files).map(([name, { text }]) => [name, text]));

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/**
 * Reads format folders: each `<root>/<名称>/format.yaml` with its template and `partials/`, in
 * code-point order of the folder names so every machine lists them alike. A later root's format
 * of the same name as an earlier one is an error (a user's variant gets its own name).
 */
export function readFormatFolders(roots: readonly FormatRoot[]): FormatFolders {
  const formats: Array<FormFormat & { nameAt: { line: number; col: number } }> = [];
  const diagnostics: Diagnostic[] = [];
  let partials: Record<string, { file: string; text: string }> | undefined;
  for (const root of roots) {
    const dir = resolve(root.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      diagnostics.push({ code: FormatCode.FOLDER, severity: 'error', message: `表样文件夹不存在：${root.origin}`, file: shown(dir), line: 1, col: 1, path: '' });
      continue;
    }
    // The package's shared partials (form-head, national-indicators …) serve every format; a root's own override them.
    const shared = { ...(partials ?? {}), ...readHbsFolder(join(dir, 'partials')) };
    partials ??= shared;
    const folders = existsSync(join(dir, FORMAT_FILE))
      ? [dir]
      : readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, FORMAT_FILE)))
          .map((entry) => join(dir, entry.name))
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const folder of folders) {
      const read = readFormatFolder(folder, root.origin, shared);
      diagnostics.push(...read.diagnostics);
      if (!read.format) continue;
      const earlier = formats.find((format) => format.name === read.format!.name);
      
      if (earlier) {
        diagnostics.push({
          code: FormatCode.DUPLICATE,
          severity: 'error',
          message: `表样“${read.format.name}”已由 ${shown(earlier.definitionFile)} 定义`,
          file: shown(read.format.definitionFile),
          ...read.format.nameAt,
          path: 'name',
          hint: '自己的表样请另起名称，如 云南2022项目支出',
        });
        continue;
      }
      formats.push(read.format);
    }
  }
  return { formats: formats.map(({ nameAt: _, ...format }) => format), partials: texts(partials ?? {}), diagnostics };
}

function readFormatFolder(
  folder: string,
  origin: string,
  shared: Record<string, { file: string; text: string }>,
): { format?: FormFormat & { nameAt: { line: number; col: number } }; diagnostics: Diagnostic[] } {
  const file = join(folder, FORMAT_FILE);
  const at = (code: string, message: string, line = 1, col = 1, path = '', hint?: string): Diagnostic => ({
    code,
    severity: 'error',
    message,
    file: shown(file),
    line,
    col,
    path,
    ...(hint ? { hint } : {}),
  });
  if (statSync(file).size > MAX_FILE_BYTES) return { diagnostics: [at(FormatCode.DEFINITION, `format.yaml 太大（上限 ${MAX_FILE_BYTES} 字节）`)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false, strict: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.slice(0, 5).map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return at(FormatCode.YAML, `YAML 语法错误：${error.message.split('\n')[0]}`, line, col);
      }),
    };
  }
  const position = (path: readonly PropertyKey[], where: 'value' | 'key' = 'value') => lineCounter.linePos(yamlOffsetOf(doc, path, where));
  const parsed = FormatDefinitionSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const known = Object.keys(FormatDefinitionSchema.shape);
    const diagnostics = parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const { line, col } = position([...issue.path, key], 'key');
          const close = issue.path.length === 0 ? known.filter((candidate) => editDistance(key, candidate) <= 2) : [];
          const hint = close.length > 0 ? `是否应为 ${close.join(' 或 ')}？` : '字段见 docs/formats.md';
          return at(FormatCode.DEFINITION, `表样定义中有未知字段“${key}”`, line, col, formatPath([...issue.path, key]), hint);
        });
      }
      const { line, col } = position(issue.path);
      const field = fieldName(issue.path);
      const missing = issue.path.length > 0 && doc.getIn(issue.path) === undefined;
      const message = missing ? `表样定义缺少 ${field}` : `表样定义的 ${field}：${definitionIssueText(issue)}`;
      return [at(FormatCode.DEFINITION, message, line, col, formatPath(issue.path), '字段见 docs/formats.md')];
    });
    return { diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.col - b.col) };
  }
  const definition = parsed.data;
  // An added field may not take the name of one the rules' fields already have (it would replace it).
  const base = definition.rules.name === 'mof2020' ? NationalFormSchema : ChongqingFormSchema;
  const taken = { project: Object.keys(base.shape.project.shape), indicators: Object.keys(base.shape.indicators.element.shape) };
  const clashes = (['project', 'indicators'] as const).flatMap((part) =>
    definition.fields[part].flatMap((field, index) => {
      if (!taken[part].includes(field.key)) return [];
      const { line, col } = position(['fields', part, index, 'key']);
      return [at(FormatCode.DEFINITION, `附加字段 ${field.key} 与评分规则 ${definition.rules.name} 已有的字段同名`, line, col, formatPath(['fields', part, index, 'key']), '另起一个字段名')];
    }),
  );
  if (clashes.length > 0) return { diagnostics: clashes };
  const templateFile = resolve(folder, definition.template);
  const inside = !relative(folder, templateFile).startsWith('..');
  if (!inside || !existsSync(templateFile) || !statSync(templateFile).isFile() || statSync(templateFile).size > MAX_FILE_BYTES) {
    const { line, col } = position(['template']);
    const why = !inside ? '不在表样文件夹内' : !existsSync(templateFile) ? '不存在' : '不是 1 MB 以内的普通文件';
    return { diagnostics: [at(FormatCode.TEMPLATE, `模板 ${definition.template} ${why}`, line, col, 'template', `把模板放在 ${shown(folder)} 中`)] };
  }
  return {
    format: {
      name: definition.name,
      definition,
      folder,
      definitionFile: file,
      origin,
      template: { file: templateFile, text: readFileSync(templateFile, 'utf8') },
      ...partialsOf({ ...shared, ...readHbsFolder(join(folder, 'partials')) }),
      nameAt: position(['name']),
    },
    diagnostics: [],
  };
}

/** A definition field as messages name it: its key and, at the top level, its Chinese title (`rules（评分规则）`). */
function fieldName(path: readonly PropertyKey[]): string {
  const key = formatPath(path) || '（整个文件）';
  const top = path.length === 1 ? (FormatDefinitionSchema.shape as Record<string, z.ZodType>)[String(path[0])] : undefined;
  const title = top ? z.globalRegistry.get(top)?.title : undefined;
  return title ? `${key}（${title}）` : key;
}

function definitionIssueText(issue: { code: string; message: string; path: readonly PropertyKey[]; values?: readonly unknown[] }): string {
  if (issue.code === 'invalid_value' && issue.values) return `应为 ${issue.values.map(String).join('、')} 之一`;
  if (issue.code === 'invalid_union' && issue.path[0] === 'rules') return `应为 ${RULE_NAMES.join(' 或 ')}，或 { name: cq2023, reverseMissed: ratio, total: normalized } 这样的写法`;
  if (issue.code === 'invalid_union') return '写法不对（见 docs/formats.md）';
  if (issue.code === 'invalid_type') return issue.message.replace(/^Invalid input: expected (\w+).*$/, '类型不对（应为 $1）');
  return issue.message;
}

function partialsOf(files: Record<string, { file: string; text: string }>): Pick<FormFormat, 'partials' | 'partialFiles'> {
  return { partials: texts(files), partialFiles: Object.fromEntries(Object.entries(files).map(([name, { file }]) => [name, file])) };
}
