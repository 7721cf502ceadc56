/** Where a text that JSON.parse rejected first goes wrong, and why, in Chinese. */
export interface JsonSyntaxError {
  /** UTF-16 offset into the text (as editors count columns). */
  offset: number;
  message: string;
  hint?: string;
}

// One token at a time (sticky): what JSON allows, then the usual mistakes, so each gets its own message.
const TOKEN = /[ \t\r\n]+|[{}[\]:,]|"(?:[^"\\\u0000-\u001f]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])|true\b|false\b|null\b|\/\/|\/\*|#|'|"|[^\s{}[\]:,"]+/y;

type Token = { text: string; offset: number };

class Failure {
  constructor(readonly error: JsonSyntaxError) {}
}

/**
 * JSON.parse says only whether a text is JSON (and, on Node 20, not always where it is not); this
 * names the first fault at its place: a missing or extra comma, single quotes, a comment, an
 * unquoted key, an unclosed string or brace. Called only after JSON.parse failed.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const offset = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) break;
    if (!/^[ \t\r\n]+$/.test(match[0])) tokens.push({ text: match[0], offset });
  }
  let at = 0;
  // A fault at the end of the text is shown just after its last token, not on a blank last line.
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.text.length : 0;
  const fail = (token: Token | undefined, message: string, hint?: string): never => {
    throw new Failure({ offset: token?.offset ?? end, message, ...(hint ? { hint } : {}) });
  };
  const unexpected = (token: Token | undefined, wanted: string): never => {
    if (!token) return fail(token, `JSON 不完整：缺少${wanted}`);
    const t = token.text;
    if (t === '//' || t === '/*' || t === '#') return fail(token, 'JSON 里不能写注释', '删除注释，或把说明写进 README');
    if (t === "'") return fail(token, 'JSON 的字符串要用双引号 "，不能用单引号');
    if (t === '"') return fail(token, '字符串没有结束：缺少结尾的 "（或其中有换行、未转义的控制字符）');
    return fail(token, `这里应为${wanted}，实际是 ${t.length > 30 ? `${t.slice(0, 30)}…` : t}`);
  };
  const value = (): void => {
    const token = tokens[at];
    if (token?.text === '{') return container('}', () => {
      const key = tokens[at];
      if (!key?.text.startsWith('"') || key.text.length < 2) {
        if (key && /^[A-Za-z_$][\w$]*$/.test(key.text)) fail(key, `键要用双引号括起来："${key.text}"`);
        unexpected(key, '用双引号括起来的键');
      }
      string(key!);
      at += 1;
      const colon = tokens[at];
      if (colon?.text !== ':') {
        if (colon && startsValue(colon.text)) fail(colon, `键 ${key!.text} 后面缺少冒号 :`);
        unexpected(colon, `键 ${key!.text} 后面的冒号 :`);
      }
      at += 1;
      value();
    });
    if (token?.text === '[') return container(']', value);
    if (token && token.text.startsWith('"') && token.text.length >= 2 && token.text.endsWith('"')) {
      string(token);
      at += 1;
      return;
    }
    if (token && /^(?:-|\d|true$|false$|null$)/.test(token.text) && isJson(token.text)) {
      at += 1;
      return;
    }
    if (token && /^[A-Za-z0-9.+-]+$/.test(token.text) && !['//', '/*'].includes(token.text)) {
      fail(token, `不是有效的 JSON 值：${token.text}`, '文字要用双引号括起来；可用的值还有 true、false、数字');
    }
    unexpected(token, '一个值');
  };
  /** `{ … }` or `[ … ]`: items separated by commas, none after the last. */
  const container = (close: string, item: () => void): void => {
    at += 1;
    if (tokens[at]?.text === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      const next = tokens[at];
      if (next?.text === close) {
        at += 1;
        return;
      }
      if (!next) fail(undefined, `JSON 不完整：缺少结尾的 ${close}`);
      if (next!.text !== ',') {
        if (startsValue(next!.text)) fail(next, '上一项后面缺少逗号 ,');
        unexpected(next, `逗号 , 或 ${close}`);
      }
      if (tokens[at + 1]?.text === close) fail(next, '最后一项后面多了逗号 ,', 'JSON 不允许结尾的逗号');
      at += 1;
    }
  };
  const string = (token: Token): void => {
    if (isJson(token.text)) return;
    const escape = /\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])/.exec(token.text);
    fail({ text: token.text, offset: token.offset + (escape?.index ?? 0) }, escape ? `字符串里的转义 ${escape[0]} 无效` : '字符串无效');
  };
  try {
    if (tokens.length === 0) fail(undefined, '文件是空的', '至少写 {}');
    value();
    if (at < tokens.length) fail(tokens[at], 'JSON 已经结束，后面还有多余的内容');
  } catch (error) {
    if (error instanceof Failure) return error.error;
    throw error;
  }
  return undefined;
}

/** A token that begins a value (or a key): after an item without a comma, the comma is what is missing. */
function startsValue(text: string): boolean {
  return text === '{' || text === '[' || text.startsWith('"') || text === "'" || /^[\w.+-]/.test(text);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
