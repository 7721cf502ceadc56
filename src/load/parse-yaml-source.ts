import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findFullwidthColons } from './find-fullwidth-colons.js';
import { findTabIndents } from './find-tab-indents.js';
import { findYamlExcess } from './find-yaml-excess.js';
import { formatPath } from './format-path.js';
import { LoadCode } from './load-code.js';
import { normaliseNatures } from './normalise-natures.js';
import type { ParsedSource } from './parsed-source.js';
import { unfoldNatureSigns } from './unfold-nature-signs.js';
import { YamlErrorText } from './yaml-error-text.js';

export type ParseYamlResult = { ok: true; source: ParsedSource; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Forms nest 4 levels deep; 32 leaves room for any hand-written layout. A 50-indicator form
 * with its `reported` block is ~6,000 tokens; 100,000 is sixteen times that.
 */
const LIMITS = { depth: 32, tokens: 100_000 };
/** A broken file can yield thousands of parser errors; the first few locate the problem. */
const MAX_SYNTAX_ERRORS = 10;
const UNCLOSED_FLOW = { message: '上方的 { 或 [ 没有闭合，或本行缩进不足', hint: '检查上一行的括号是否成对' };
const TAB_HINT = '请改用空格：同一层的字段对齐，下一层多缩进两个空格';
/** Plain scalars YAML's core schema reads as null: an empty value to the form, not the text "~". */
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);

/**
 * Text → YAML document whose top level is a map, with the checks that need the YAML tree:
 * syntax, nesting depth, duplicate keys. Failsafe schema: every scalar stays the text written.
 * IME slips get one error each, in place of the parser's cascade: a full-width colon after a
 * key, a tab in the indentation. A 指标性质 typed `>=`, `＞＝`, `≧`… is read as its sign, with a warning.
 */
export function parseYamlSource(file: string, text: string): ParseYamlResult {
  const lineCounter = new LineCounter();
  const position = (offset: number) => lineCounter.linePos(offset);
  const at = (code: string, offset: number, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => {
    const { line, col } = position(offset);
    return { code, severity, message, file, line, col, path: '', ...(hint ? { hint } : {}) };
  };

  const excess = findYamlExcess(text, LIMITS);
  if (excess !== null) {
    // The lexer ran without a LineCounter; count lines up to the offset directly.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < excess.offset; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const diagnostic =
      excess.kind === 'depth'
        ? at(LoadCode.YAML_TOO_DEEP, excess.offset, `嵌套超过 ${LIMITS.depth} 层`, '表的结构最多四层，请检查括号或“- ”是否多写')
        : at(LoadCode.FILE_TOO_LARGE, excess.offset, `内容过多（超过 ${LIMITS.tokens} 个 YAML 记号）`, '一个文件只放一张表');
    return { ok: false, diagnostics: [diagnostic] };
  }

  // uniqueKeys is off: the library compares every key with every other (quadratic on big
  // maps); duplicates are found below with a set. prettyErrors is off: it can exhaust memory
  // on long lines, and positions come from the LineCounter anyway.
  // Same length as `text`, so the parser's offsets are offsets into the text as written.
  const unfolded = unfoldNatureSigns(text);
  const doc = parseDocument(unfolded.text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const yamlDiagnostic = (error: YAMLError, severity: Diagnostic['severity']) => {
    // The parser reports an unclosed { or [ as bad indentation of the line after it.
    const unclosed = /end with an? [}\]]/.test(error.message);
    const known = unclosed ? UNCLOSED_FLOW : (YamlErrorText[error.code] ?? { message: '无法解析' });
    if (error.code === 'TAG_RESOLVE_FAILED') return at(LoadCode.YAML_TAG, error.pos[0], known.message, '去掉 !! 开头的标签', 'warning');
    if (severity === 'warning') return at(LoadCode.YAML_WARNING, error.pos[0], `YAML 警告：${known.message}`, known.hint, severity);
    return at(LoadCode.YAML_SYNTAX, error.pos[0], `YAML 语法错误：${known.message}`, known.hint, severity);
  };
  const slips = imeSlips(text, doc, at, position);
  if (slips.length > 0) return { ok: false, diagnostics: slips.slice(0, MAX_SYNTAX_ERRORS) };
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => yamlDiagnostic(error, 'error')) };
  }
  const warnings = doc.warnings.slice(0, MAX_SYNTAX_ERRORS).map((warning) => yamlDiagnostic(warning, 'warning'));

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.type === 'PLAIN' && contents.value === '')) {
    return { ok: false, diagnostics: [at(LoadCode.EMPTY, 0, '文件为空', '从 data/ 下的示例复制一张表开始填写')] };
  }
  if (!isMap(contents)) {
    const kind = isSeq(contents) ? '列表' : '一段文字';
    return {
      ok: false,
      diagnostics: [at(LoadCode.NOT_A_MAP, contents.range?.[0] ?? 0, `顶层应为映射（字段: 值），实际是${kind}`, '文件应以 form: 、year: 等字段开头，不要以“- ”开头')],
    };
  }

  const duplicates: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && node.type === 'PLAIN' && NULL_WORDS.has(String(node.value))) node.value = '';
    },
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, offset);
        else if (duplicates.length < MAX_SYNTAX_ERRORS) {
          duplicates.push(at(LoadCode.DUPLICATE_KEY, offset, `字段“${name}”重复（第 ${position(first).line} 行已有）`, '删除或合并重复的字段'));
        }
      }
    },
  });
  if (duplicates.length > 0) return { ok: false, diagnostics: duplicates };

  const natures = normaliseNatures(doc, unfolded.written).map(({ offset, path, written, sign }) => ({
    ...at(LoadCode.OPERATOR_NORMALISED, offset, `已按 ${sign} 读取“${written}”`, `指标性质请写作 ${sign}`, 'warning'),
    path: formatPath(path),
  }));
  return { ok: true, source: { file, text, doc, position }, diagnostics: [...warnings, ...natures] };
}

type At = (code: string, offset: number, message: string, hint?: string) => Diagnostic;

/**
 * Full-width colons after a key (wherever they are) and tabs in the indentation (when the
 * parse failed: a block scalar may hold tabs), in source order. Any parser errors are
 * left out: they follow from these, and come back on the next check if they do not.
 */
function imeSlips(text: string, doc: Document, at: At, position: (offset: number) => { line: number }): Diagnostic[] {
  const colons = findFullwidthColons(text, doc).map(({ offset, key }) => ({
    offset,
    diagnostic: at(LoadCode.FULLWIDTH_COLON, offset, '全角冒号“：”应为半角“: ”', `应写作“${key}: …”（半角冒号后加一个空格）`),
  }));
  // The parser's TAB_AS_INDENT also catches `-\tname: x`; one per line, the first tab.
  const tabOffsets = [
    ...(doc.errors.length > 0 ? findTabIndents(text, doc) : []),
    ...doc.errors.filter((error) => error.code === 'TAB_AS_INDENT').map((error) => error.pos[0]),
  ].sort((a, b) => a - b);
  const tabLines = new Set<number>();
  const tabs = tabOffsets
    .filter((offset) => {
      const { line } = position(offset);
      if (tabLines.has(line)) return false;
      tabLines.add(line);
      return true;
    })
    .map((offset) => ({ offset, diagnostic: at(LoadCode.TAB_INDENT, offset, 'YAML 不允许用 Tab 缩进', TAB_HINT) }));
  return [...colons, ...tabs].sort((a, b) => a.offset - b.offset).map(({ diagnostic }) => diagnostic);
}
