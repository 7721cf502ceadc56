import { isAlias, visit, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeSource } from './decode-source.js';
import { dropMisspeltRequired } from './drop-misspelt-required.js';
import type { FormFormat } from './format/form-format.js';
import { builtInFormats, type FormatRegistry } from './format/format-registry.js';
import { issueDiagnostics } from './issue-diagnostics.js';
import { LoadCode } from './load-code.js';
import type { LoadedForm, LoadResult } from './loaded-form.js';
import { MAX_SOURCE_BYTES } from './max-source-bytes.js';
import { parseYamlSource } from './parse-yaml-source.js';
import { yamlOffsetOf } from './yaml-offset-of.js';

/**
 * Aliases expanded when the YAML becomes data; a few legitimate `*ref`s stay far below it,
 * a "billion laughs" file exceeds it after a few thousand node visits.
 */
const MAX_ALIAS_COUNT = 100;
/** A file of junk keys can fail on every line; past this many, one line says how many more. */
const MAX_DIAGNOSTICS = 50;

/**
 * Parses and validates one source file against the format its `form:` names. Pure: the caller
 * reads the bytes (and the format folders).
 */
export function loadFormSource(file: string, bytes: Uint8Array, formats: FormatRegistry = builtInFormats()): LoadResult {
  const whole = (code: string, message: string, line = 1, col = 1, hint?: string): LoadResult => ({
    ok: false,
    diagnostics: [{ code, severity: 'error', message, file, line, col, path: '', ...(hint ? { hint } : {}) }],
  });
  if (bytes.length > MAX_SOURCE_BYTES) {
    return whole(LoadCode.FILE_TOO_LARGE, `文件过大（${bytes.length} 字节，上限 ${MAX_SOURCE_BYTES} 字节）`, 1, 1, '一个文件只放一张表');
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    return whole(LoadCode.ENCODING, `不是有效的 UTF-8 编码（第 ${decoded.offset + 1} 字节为 0x${byte}）`, decoded.line, decoded.col, '请将文件另存为 UTF-8 编码（GBK/GB18030 文件需要转换）');
  }
  const parsed = parseYamlSource(file, decoded.text);
  if (!parsed.ok) return parsed;
  const { source } = parsed;

  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const { line, col } = source.position(firstAliasOffset(source.doc));
    return whole(LoadCode.YAML_ALIASES, '别名（*name）展开过多', line, col, '不要用锚点和别名层层引用；直接写出内容');
  }

  // The schema of the format `form:` names (the union of all, to say which it may name, when it names none).
  const validated = formats.schemaFor(data !== null && typeof data === 'object' ? (data as { form?: unknown }).form : undefined).safeParse(data);
  if (!validated.success) {
    const issues = dropMisspeltRequired(validated.error.issues, source.doc);
    // Map only as many issues as will be listed: placing each costs a walk of its map.
    let total = 0;
    const diagnostics: Diagnostic[] = [];
    for (const issue of issues) {
      total += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      if (diagnostics.length > MAX_DIAGNOSTICS) continue;
      const listed = issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, MAX_DIAGNOSTICS + 1) } : issue;
      diagnostics.push(...issueDiagnostics(listed, source, formats));
    }
    return { ok: false, diagnostics: [...parsed.diagnostics, ...capped(sortByPosition(diagnostics), Math.max(total, diagnostics.length))] };
  }
  return {
    ok: true,
    form: {
      file,
      text: source.text,
      form: validated.data as LoadedForm['form'],
      addedFields: addedFieldTitles(formats.get((validated.data as { form: string }).form)),
      locate: (path) => source.position(yamlOffsetOf(source.doc, path)),
    },
    diagnostics: parsed.diagnostics,
  };
}

function firstAliasOffset(doc: Parameters<typeof visit>[0]): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node: Node) {
      if (isAlias(node)) offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => a.diagnostic.line - b.diagnostic.line || a.diagnostic.col - b.diagnostic.col || a.index - b.index)
    .map(({ diagnostic }) => diagnostic);
}

function capped(diagnostics: Diagnostic[], total: number): Diagnostic[] {
  if (total <= MAX_DIAGNOSTICS) return diagnostics;
  const last = diagnostics[MAX_DIAGNOSTICS - 1];
  const more = total - MAX_DIAGNOSTICS;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS),
    { ...last, code: LoadCode.MORE_PROBLEMS, message: `另有 ${more} 个问题未列出`, path: '', hint: '先改正上面的问题再检查' },
  ];
}

/** A format's added fields by generic path, for naming them where a form's fields are listed (diff). */
function addedFieldTitles(format: FormFormat | undefined): Record<string, string> {
  if (!format) return {};
  const { project, indicators } = format.definition.fields;
  return Object.fromEntries([...project.map((field) => [`project.${field.key}`, field.title]), ...indicators.map((field) => [`indicators[].${field.key}`, field.title])]);
}
