import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { editDistance } from '../../load/edit-distance.js';
import { findYamlNode } from '../../load/find-yaml-node.js';
import { formatPath } from '../../load/format-path.js';
import { yamlOffsetOf } from '../../load/yaml-offset-of.js';
import { locateJsonSyntaxError } from './locate-json-syntax-error.js';
import { PROJECT_CONFIG_KEYS, ProjectConfigSchema, type ProjectConfig } from './project-config.js';
import { ConfigCode, ProjectConfigError } from './project-config-error.js';
import { textPosition } from './text-position.js';

type Issue = z.core.$ZodIssue;

/**
 * Reads and checks a `ziping.config.json`. JSON.parse decides what is JSON; the text is then read
 * again as YAML (JSON is YAML) only for where each key and value is, so every problem is reported
 * at its line and column. Throws ProjectConfigError listing them.
 */
export function readProjectConfig(file: string): ProjectConfig {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    // A BOM (Windows Notepad writes one) is not part of the JSON, and editors count columns after it.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? '是文件夹，不是文件' : `无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`;
    throw new ProjectConfigError([at(shown, '', 0, ConfigCode.READ, `配置文件${reason}`)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const fault = locateJsonSyntaxError(text) ?? { offset: v8Offset(error) ?? 0, message: '不是有效的 JSON' };
    throw new ProjectConfigError([at(shown, text, fault.offset, ConfigCode.JSON, fault.message, '', fault.hint)]);
  }
  const doc = parseDocument(text);
  // JSON.parse keeps the last of two equal keys; a config that says two things is reported instead.
  const duplicates = doc.errors
    .filter((error) => error.code === 'DUPLICATE_KEY')
    .map((error) => {
      const key = keyAt(doc, error.pos[0]);
      return at(shown, text, error.pos[0], ConfigCode.KEY, `配置项 "${key}" 写了不止一次`, key, '只保留一个');
    });
  if (duplicates.length > 0) throw new ProjectConfigError(duplicates);
  const parsed = ProjectConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, doc, shown, text));
  throw new ProjectConfigError(problems.sort((a, b) => a.line - b.line || a.col - b.col));
}

function issueDiagnostics(issue: Issue, doc: Document, file: string, text: string): Diagnostic[] {
  const path = issue.path as PropertyKey[];
  const name = formatPath(path);
  const value = findYamlNode(doc, path).node;
  const make = (code: string, message: string, hint?: string, where: readonly PropertyKey[] = path, part: 'key' | 'value' = 'value') =>
    at(file, text, yamlOffsetOf(doc, where, part), code, message, formatPath(where), hint);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => make(ConfigCode.KEY, `未知的配置项 "${key}"`, didYouMean(key, PROJECT_CONFIG_KEYS) ?? `可用的配置项：${PROJECT_CONFIG_KEYS.filter((k) => k !== '$schema').join('、')}`, [...path, key], 'key'));
    case 'invalid_type':
      if (path.length === 0) return [make(ConfigCode.TYPE, `配置文件应为一个 JSON 对象 { … }，实际是${describe(value)}`)];
      return [make(ConfigCode.TYPE, `"${name}" 应为${expected(issue.expected)}，实际是${describe(value)}`)];
    case 'invalid_value': {
      const choices = issue.values.map(String);
      return [make(ConfigCode.VALUE, `"${name}" 应为 ${quoted(choices)}，实际是${describe(value)}`, didYouMean(String(scalarValue(value)), choices))];
    }
    case 'too_small':
      return [make(ConfigCode.VALUE, `"${name}" 不能为空`)];
    case 'custom': {
      const choices = (issue.params?.choices as string[] | undefined) ?? [];
      return [make(ConfigCode.VALUE, `"${name}" 应为 ${quoted(choices)}，实际是${describe(value)}`)];
    }
    default:
      return [make(ConfigCode.VALUE, `"${name}" 有误：${issue.message}`)];
  }
}

function at(file: string, text: string, offset: number, code: string, message: string, path = '', hint?: string): Diagnostic {
  const { line, col } = textPosition(text, offset);
  return { code, severity: 'error', message, file, line, col, path, ...(hint ? { hint } : {}) };
}

/** `是否应为 "templates"？` for a key or value within two edits of a known one. */
function didYouMean(given: string, known: readonly string[]): string | undefined {
  const close = known.filter((candidate) => editDistance(given.toLowerCase(), candidate.toLowerCase()) <= 2);
  return close.length > 0 ? `是否应为 ${quoted(close, ' 或 ')}？` : undefined;
}

const quoted = (values: readonly string[], last = ' 或 ') =>
  values.length <= 1 ? values.map((v) => `"${v}"`).join('') : `${values.slice(0, -1).map((v) => `"${v}"`).join('、')}${last}"${values[values.length - 1]}"`;

function expected(type: string): string {
  const names: Record<string, string> = { string: '文本（用双引号括起来）', boolean: ' true 或 false', array: '数组 [ … ]', object: '对象 { … }', number: '数字' };
  return names[type] ?? type;
}

function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** How a JSON value reads in a message: `文本 "yes"`, `数字 1`, `true`, `数组`. */
function describe(node: Node | null): string {
  if (isMap(node)) return '对象 { … }';
  if (isSeq(node)) return '数组 [ … ]';
  const value = scalarValue(node);
  if (typeof value === 'string') return `文本 "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'number') return `数字 ${value}`;
  return ` ${String(value)}`;
}

/** The key text of the map entry whose key starts at `offset`. */
function keyAt(doc: Document, offset: number): string {
  let found = '';
  const walk = (node: unknown) => {
    if (isMap(node)) for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) found = String(pair.key.value);
      walk(pair.value);
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return found;
}

/** Node 20's JSON.parse names a position in most of its messages (`… in JSON at position 21`). */
function v8Offset(error: unknown): number | undefined {
  const match = /at position (\d+)/.exec((error as Error).message);
  return match ? Number(match[1]) : undefined;
}
