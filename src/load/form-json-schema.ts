import { z } from 'zod';
import { DECIMAL_TEXT } from './form-schema.js';
import type { FormFormat } from './format/form-format.js';
import { builtInFormats, formSchemaOf, type FormatRegistry } from './format/format-registry.js';
import { withChineseMessages } from './json-schema-messages.js';
import { YAML_SCALAR_KIND, type YamlScalarKind } from './yaml-scalar-kind.js';

type JsonSchema = Record<string, unknown>;

const NON_NEGATIVE_TEXT = DECIMAL_TEXT.source.replace('^-?', '^');

/** How each marked string field looks to an editor that reads YAML with core types. */
const widen: Record<YamlScalarKind, (node: JsonSchema) => JsonSchema> = {
  decimal: () => ({ anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_TEXT.source }] }),
  amount: () => ({ anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: NON_NEGATIVE_TEXT }] }),
  year: () => ({ anyOf: [{ type: 'integer', minimum: 1000, maximum: 9999 }, { type: 'string', pattern: '^\\d{4}$' }] }),
  boolean: (node) => ({ anyOf: [{ type: 'boolean' }, { type: 'string', enum: node.enum }] }),
  textOrNumber: (node) => ({ type: Array.isArray(node.type) ? [...node.type, 'number'] : ['string', 'number'], ...minLength(node) }),
};

/**
 * The editor's JSON Schema (draft-07, which the YAML language server reads), generated from
 * the zod schemas of the installed formats, as the text of `data/form.schema.json`.
 *
 * The formats become one object schema with every format's fields, so completion and hover
 * text work before `form:` is written, plus an if/then/else chain on `form` that holds each
 * format to exactly its own fields (formats whose fields are the same share one branch; the
 * first format's branch is the last `else`). Each indicator also carries the rules between its
 * fields that `check` applies (DESIGN §4), and every node a Chinese `errorMessage`, so the
 * editor flags what `check` would, in the same words.
 */
export function formJsonSchemaText(formats: FormatRegistry = builtInFormats()): string {
  const groups: Array<{ names: string[]; schema: JsonSchema }> = [];
  let $schema: unknown;
  for (const format of formats.formats) {
    const { $schema: draft, ...schema } = formatJsonSchema(format);
    $schema = draft;
    const fields = JSON.stringify({ ...schema, properties: { ...(schema.properties as JsonSchema), form: null } });
    const group = groups.find((candidate) => JSON.stringify({ ...candidate.schema, properties: { ...(candidate.schema.properties as JsonSchema), form: null } }) === fields);
    if (group) group.names.push(format.name);
    else groups.push({ names: [format.name], schema });
  }
  for (const group of groups) {
    const form = (group.schema.properties as Record<string, JsonSchema>).form;
    (group.schema.properties as Record<string, JsonSchema>).form =
      group.names.length === 1
        ? form
        : { type: 'string', enum: group.names, title: form.title, description: `${choiceText(group.names)}，决定使用的模板`, errorMessage: `表样应为 ${choiceText(group.names)}` };
  }
  const merged = groups.map((group) => group.schema).reduce((a, b) => mergeSchemas(a, b));
  const names = groups.flatMap((group) => group.names);
  const meta = z.globalRegistry.get(formats.schema);
  const chain = (rest: typeof groups): JsonSchema => {
    const [first, ...others] = rest;
    if (others.length === 0) return first.schema;
    const [next] = others;
    const inNext = next.names.length === 1 ? { const: next.names[0] } : { enum: next.names };
    return { if: { properties: { form: inNext }, required: ['form'] }, then: next.schema, else: chain([first, ...others.slice(1)]) };
  };
  const schema: JsonSchema = {
    $schema,
    ...merged,
    properties: {
      ...(merged.properties as JsonSchema),
      // One list before `form:` is written, for completion and one message (not one per format).
      form: {
        type: 'string',
        enum: names,
        title: (groups[0].schema.properties as Record<string, JsonSchema>).form.title,
        description: `${names.join('、')}：决定表样、模板和评分规则`,
        errorMessage: `表样应为 ${choiceText(names)}` },
    },
    title: meta?.title,
    description: meta?.description,
    ...chain(groups),
  };
  // chain() of one group is that group's schema itself, not a condition.
  if (groups.length === 1) for (const key of ['if', 'then', 'else']) delete schema[key];
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** One format's own schema: its fields, rules and messages (`ziping schema --form <表样>`). */
export function formatJsonSchema(format: FormFormat): JsonSchema {
  const levels = format.definition.rules.name === 'mof2020';
  return withIndicatorRules(withChineseMessages(rewrite(z.toJSONSchema(formSchemaOf(format), { io: 'input', target: 'draft-7' })) as JsonSchema), levels);
}

/** `A、B 或 C`. */
function choiceText(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')} 或 ${names.at(-1)}`;
}

/**
 * The indicator rules a JSON Schema can state (checkIndicatorRules, checkIndicatorLevels state
 * them for `check`): 定性 needs a grade, 部分达成/未达成 a coefficient, ≥ ≤ = numbers; 一级/二级指标
 * belong to 项目支出 only. Each rule is its own subschema with its own message, reported where
 * the editor shows it (a missing key at the indicator, a wrong value at the value).
 */
function withIndicatorRules(family: JsonSchema, levels: boolean): JsonSchema {
  const properties = family.properties as Record<string, JsonSchema>;
  const indicators = properties.indicators;
  const items = indicators.items as JsonSchema;
  const natureIs = (nature: JsonSchema) => ({ properties: { nature }, required: ['nature'] });
  const number = (title: string) => {
    const errorMessage = `定量指标（≥ ≤ =）的${title}须为数字（单位写在 unit 中；文字目标请把指标性质写为 定性）`;
    return { anyOf: [{ type: 'number', errorMessage }, { type: 'string', pattern: DECIMAL_TEXT.source, errorMessage }] };
  };
  const itemProperties = items.properties as Record<string, JsonSchema>;
  const rules: JsonSchema[] = [
    {
      if: natureIs({ const: '定性' }),
      then: { required: ['grade'], errorMessage: '定性指标须填写等级 grade：达成、部分达成 或 未达成' },
    },
    {
      if: { properties: { nature: { const: '定性' }, grade: { enum: ['部分达成', '未达成'] } }, required: ['nature', 'grade'] },
      then: { required: ['coefficient'], errorMessage: '等级为部分达成、未达成时须填写得分系数 coefficient（部分达成 60–80，未达成 0–60）' },
    },
    {
      if: natureIs({ enum: ['≥', '≤', '='] }),
      then: { properties: { target: number(String(itemProperties.target.title)), actual: number(String(itemProperties.actual.title)) } },
    },
  ];
  let itemSchema: JsonSchema = { ...items, allOf: rules };
  if (!levels) {
    rules.push({
      properties: { level1: false, level2: false },
      errorMessage: 'level1、level2（一级、二级指标）只用于 项目支出 表样；部门整体、二级项目的指标不分级',
    });
    // Named (as anything) so that this rule, not the indicator's "其他字段" message, reports them.
    itemSchema = { ...itemSchema, properties: { ...itemProperties, level1: { title: '一级指标（只用于项目支出）' }, level2: { title: '二级指标（只用于项目支出）' } } };
  }
  return { ...family, properties: { ...properties, indicators: { ...indicators, items: itemSchema } } };
}

/**
 * A schema that accepts what either accepts, field by field: objects keep every property
 * (required only where both require it), equal nodes stay as they are, others become anyOf.
 */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  // Nodes that accept the same differ at most in their words (三级指标 vs 指标名称): keep one, so the
  // editor reports one message, not two merged into its English default.
  if (JSON.stringify(a) === JSON.stringify(b) || JSON.stringify(withoutWords(a)) === JSON.stringify(withoutWords(b))) return a;
  if (a.type === 'object' && b.type === 'object' && a.properties && b.properties) {
    const left = a.properties as Record<string, JsonSchema>;
    const right = b.properties as Record<string, JsonSchema>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    const properties = Object.fromEntries(keys.map((key) => [key, left[key] && right[key] ? mergeSchemas(left[key], right[key]) : (left[key] ?? right[key])]));
    const required = ((a.required as string[] | undefined) ?? []).filter((key) => ((b.required as string[] | undefined) ?? []).includes(key));
    const { required: _a, ...merged } = { ...b, ...a };
    return { ...merged, properties, ...(required.length > 0 ? { required } : {}) };
  }
  if (a.type === 'array' && b.type === 'array' && a.items && b.items) {
    return { ...b, ...a, items: mergeSchemas(a.items as JsonSchema, b.items as JsonSchema) };
  }
  const { title, description, ...rest } = a;
  const { title: _title, description: _description, ...other } = b;
  return { title, description, anyOf: [rest, other] };
}

/** The node without its annotations and messages: what it accepts. */
function withoutWords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutWords);
  if (node === null || typeof node !== 'object') return node;
  const { title: _title, description: _description, errorMessage: _message, ...rest } = node as JsonSchema;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withoutWords(value)]));
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as JsonSchema).map(([key, value]) => [key, rewrite(value)] as const);
  const object: JsonSchema = Object.fromEntries(entries);
  const kind = object[YAML_SCALAR_KIND] as YamlScalarKind | undefined;
  if (kind === undefined) return object;
  const { [YAML_SCALAR_KIND]: _marker, type: _type, enum: _enum, pattern: _pattern, minLength: _minLength, ...kept } = object;
  return { ...kept, ...widen[kind](object) };
}

function minLength(node: JsonSchema): JsonSchema {
  return node.minLength === undefined ? {} : { minLength: node.minLength };
}
