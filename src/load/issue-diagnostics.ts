import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findYamlNode } from './find-yaml-node.js';
import { editDistance } from './edit-distance.js';
import type { FormatRegistry } from './format/format-registry.js';
import { formatPath } from './format-path.js';
import { LoadCode } from './load-code.js';
import { numberUnitHint } from './number-unit-hint.js';
import type { ParsedSource } from './parsed-source.js';
import { schemaFieldAt, type SchemaField } from './schema-field-at.js';
import { yamlOffsetOf } from './yaml-offset-of.js';

type Issue = z.core.$ZodIssue;

/** One zod issue → diagnostics in Chinese, placed on the offending node of the source. */
export function issueDiagnostics(issue: Issue, source: ParsedSource, formats: FormatRegistry, prefix: readonly PropertyKey[] = []): Diagnostic[] {
  const path = [...prefix, ...issue.path];
  // Name fields after the format the source's `form:` selects (titles and keys differ between them).
  const formValue = isMap(source.doc.contents) ? source.doc.get('form') : undefined;
  const root = formats.schemaFor(formValue);
  const national = formats.get(formValue)?.definition.rules.name === 'mof2020';
  const field = schemaFieldAt(path, root);
  const name = fieldName(path, field, root);
  const found = findYamlNode(source.doc, path);
  const empty = found.complete && isEmptyScalar(found.node);
  const make = (code: string, message: string, hint?: string, at: readonly PropertyKey[] = path, where: 'value' | 'key' = 'value') => {
    const { line, col } = source.position(yamlOffsetOf(source.doc, at, where));
    const diagnostic: Diagnostic = { code, severity: 'error', message, file: source.file, line, col, path: formatPath(at) };
    if (hint) diagnostic.hint = hint;
    return diagnostic;
  };
  const missing = () =>
    found.complete
      ? make(LoadCode.REQUIRED, `${name}：未填写`)
      : make(LoadCode.REQUIRED, `缺少必填字段：${name}（${String(path[path.length - 1])}）`);

  switch (issue.code) {
    case 'invalid_type':
      if (!found.complete || empty) return [missing()];
      return [make(LoadCode.TYPE, `${name}：应为${expectedText(issue.expected, field)}，实际是${nodeText(found.node)}`)];
    case 'invalid_value':
      if (!found.complete || empty) return [missing()];
      return [make(LoadCode.ENUM, `${name}：应为 ${choices(issue.values)}，实际是${nodeText(found.node)}`)];
    case 'too_small':
      if (issue.origin === 'array') return [make(LoadCode.REQUIRED, `${name}：至少需要 ${String(issue.minimum)} 项`)];
      return [make(LoadCode.REQUIRED, `${name}：不能为空`)];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        make(LoadCode.UNKNOWN_FIELD, `未知字段“${key}”`, unknownKeyHint(key, field.keys ?? []), [...path, key], 'key'),
      );
    case 'invalid_union': {
      // A `form:` that names no family: the discriminated union lists every family's values.
      // (zod puts `note` and `options` on that issue without typing them.)
      const { note, options } = issue as { note?: unknown; options?: unknown };
      if (note === 'No matching discriminator' && Array.isArray(options)) {
        if (!found.complete || empty) return [missing()];
        return [make(LoadCode.ENUM, `${name}：应为 ${choices(options)}，实际是${nodeText(found.node)}`)];
      }
      // Report the member closest to the node's shape (the object member for
      // `profile: { … }`, the name member for `profile: cq2024`): fewest shape mismatches at its root.
      const mismatches = (issues: Issue[]) =>
        issues.filter((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value')).length;
      const branch = [...issue.errors].sort((a, b) => mismatches(a) - mismatches(b))[0];
      if (branch && branch.length > 0) return branch.flatMap((inner) => issueDiagnostics(inner, source, formats, path));
      if (!found.complete || empty) return [missing()];
      return [make(LoadCode.TYPE, `${name}：格式不对，实际是${nodeText(found.node)}`)];
    }
    case 'custom': {
      const code = typeof issue.params?.code === 'string' ? issue.params.code : LoadCode.INVALID;
      if ((!found.complete || empty) && code === LoadCode.NUMBER) return [missing()];
      const given = typeof issue.params?.hint === 'string' ? issue.params.hint : undefined;
      const hint = code === LoadCode.NUMBER && isScalar(found.node) ? (unitHint(String(found.node.value), path, national, source) ?? given) : given;
      return [make(code, `${name}：${issue.message}`, hint)];
    }
    default:
      return [make(LoadCode.INVALID, `${name}：${issue.message}`)];
  }
}

/** A number written with its unit gets a remedy for its field and the form's money unit. */
function unitHint(text: string, path: readonly PropertyKey[], national: boolean, source: ParsedSource): string | undefined {
  const unit = national && source.doc.getIn(['funds', 'unit']) === '元' ? '元' : national ? '万元' : '元';
  return numberUnitHint(text, path, unit, national);
}

function fieldName(path: readonly PropertyKey[], field: SchemaField, root: z.ZodType): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = schemaFieldAt(path.slice(0, -1), root);
    return `${field.title ?? parent.title ?? formatPath(path.slice(0, -1))}第 ${last + 1} 项`;
  }
  return field.title ?? formatPath(path);
}

function isEmptyScalar(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.type === 'PLAIN' && node.value === '');
}

function expectedText(expected: string, field: SchemaField): string {
  if (expected === 'object') return '映射（字段: 值）';
  if (expected === 'array') return '列表（每项以“- ”开头）';
  if (field.kind === 'boolean') return ' true 或 false';
  if (field.kind === 'decimal' || field.kind === 'amount' || field.kind === 'year') return '数字';
  return '文本';
}

function nodeText(node: Node | null): string {
  if (isMap(node)) return '映射';
  if (isSeq(node)) return '列表';
  if (isScalar(node)) {
    const text = String(node.value);
    return `“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`;
  }
  return '空值';
}

function choices(values: readonly unknown[]): string {
  const texts = values.map(String);
  return texts.length <= 1 ? texts.join('') : `${texts.slice(0, -1).join('、')} 或 ${texts[texts.length - 1]}`;
}

function unknownKeyHint(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const close = known.filter((candidate) => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= 2);
  if (close.length > 0) return `是否应为 ${close.join(' 或 ')}？`;
  return `可用字段：${known.join('、')}`;
}
