import { z } from 'zod';
import { ChongqingFormSchema, DECIMAL_TEXT, FormSchema, NationalFormSchema } from './form-schema.js';
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
 * the zod schema's input side, as the text of `data/form.schema.json`.
 *
 * The form families (`form:` 部门整体/二级项目 or 项目支出) become one object schema with every
 * family's fields, so completion and hover text work before `form:` is written, plus an
 * if/then/else on `form` that holds each family to exactly its own fields.
 */
export function formJsonSchemaText(): string {
  const family = (schema: z.ZodType) => rewrite(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' })) as JsonSchema;
  const { $schema, ...chongqing } = family(ChongqingFormSchema);
  const { $schema: _national, ...national } = family(NationalFormSchema);
  const meta = z.globalRegistry.get(FormSchema);
  const schema: JsonSchema = {
    $schema,
    ...mergeSchemas(chongqing, national),
    title: meta?.title,
    description: meta?.description,
    if: { properties: { form: { const: '项目支出' } }, required: ['form'] },
    then: national,
    else: chongqing,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * A schema that accepts what either accepts, field by field: objects keep every property
 * (required only where both require it), equal nodes stay as they are, others become anyOf.
 */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
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
