type JsonSchema = Record<string, unknown>;

/**
 * Chinese `errorMessage`s for the editor's JSON Schema. The YAML language server shows a node's
 * `errorMessage` instead of its English default ("Value is not accepted", "Missing property") for
 * the problems found at that node — a scalar's type, enum, const and pattern, an object's
 * required and unknown keys — so every node gets one naming its field and what it takes, worded
 * as `check` words it. Children keep their own: an object's message never hides a field's.
 */
export function withChineseMessages(node: JsonSchema, title = '此项'): JsonSchema {
  const name = typeof node.title === 'string' ? node.title : title;
  const walked: JsonSchema = { ...node };
  if (isRecord(node.properties)) {
    walked.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, child]) => [key, isRecord(child) ? withChineseMessages(child, `${fieldTitle(child, key)}`) : child]),
    );
  }
  if (isRecord(node.items)) walked.items = withChineseMessages(node.items, `${name}的一项`);
  if (Array.isArray(node.anyOf)) walked.anyOf = node.anyOf.map((option) => (isRecord(option) ? withChineseMessages(option, name) : option));
  const message = messageFor(walked, name);
  return message === undefined || walked.errorMessage !== undefined ? walked : { ...walked, errorMessage: message };
}

function messageFor(node: JsonSchema, name: string): string | undefined {
  if (Array.isArray(node.anyOf)) return undefined; // each option says it
  if (Array.isArray(node.enum)) return `${name}应为 ${alternatives(node.enum.map(String))}`;
  if (node.const !== undefined) return `${name}应为 ${String(node.const)}`;
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  if (types.includes('object') && isRecord(node.properties)) return objectMessage(node, name);
  if (types.includes('array')) return `${name}应为列表（每项一行，以 - 开头）${node.minItems ? `，至少 ${String(node.minItems)} 项` : ''}`;
  if (types.includes('integer') && node.minimum === 1000) return `${name}应为四位数字，如 2023`;
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) {
    return node.minimum === 0 ? `${name}应为不小于 0 的数字` : `${name}应为数字`;
  }
  if (types.length === 1 && types[0] === 'boolean') return `${name}应为 true 或 false（也可写 是/否）`;
  if (typeof node.pattern === 'string') {
    if (node.pattern === '^\\d{4}$') return `${name}应为四位数字，如 2023`;
    return `${name}应为数字（不带单位），如 1190000.00 或 "1,190,000.00"`;
  }
  if (types.includes('string') && node.minLength === 1) return `${name}不能为空`;
  if (types.includes('string')) return `${name}应为文字${types.includes('number') ? '或数字' : ''}`;
  return undefined;
}

/** For the object's own problems — a key missing or one it does not have — list what it takes. */
function objectMessage(node: JsonSchema, name: string): string {
  const properties = node.properties as Record<string, unknown>;
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  const describe = (key: string) => `${key}（${fieldTitle(properties[key], key)}）`;
  const optional = Object.keys(properties).filter((key) => !required.includes(key));
  const parts = [
    required.length > 0 ? `须填 ${required.map(describe).join('、')}` : '',
    optional.length > 0 ? `可填 ${optional.join('、')}` : '',
    node.additionalProperties === false ? '不能有其他字段（注意拼写）' : '',
  ].filter(Boolean);
  return `${name}：${parts.join('；')}`;
}

function fieldTitle(node: unknown, key: string): string {
  return isRecord(node) && typeof node.title === 'string' ? node.title : key;
}

function alternatives(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join('、')} 或 ${values[values.length - 1]}`;
}

function isRecord(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
