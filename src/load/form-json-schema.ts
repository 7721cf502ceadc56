import { z } from 'zod';
import { DECIMAL_TEXT, FormSchema } from './form-schema.js';
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
 */
export function formJsonSchemaText(): string {
  const schema = z.toJSONSchema(FormSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  return `${JSON.stringify(rewrite(schema), null, 2)}\n`;
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
