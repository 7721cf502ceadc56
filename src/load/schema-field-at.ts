import { z } from 'zod';
import { FormSchema } from './form-schema.js';
import { YAML_SCALAR_KIND, type YamlScalarKind } from './yaml-scalar-kind.js';

export interface SchemaField {
  /** Chinese name from the schema's `title` (`指标权重`), undefined for an unknown path. */
  title?: string;
  kind?: YamlScalarKind;
  /** The keys a map at this path accepts, when it is one. */
  keys?: string[];
}

type Schema = z.ZodType;

/**
 * What the schema says about the field at a path: its title for messages, the kind of scalar
 * it holds, the keys it accepts. Read from the schema itself so messages never drift from it.
 */
export function schemaFieldAt(path: readonly PropertyKey[], root: Schema = FormSchema): SchemaField {
  let layers = unwrap(root);
  for (const segment of path) {
    const next = layers.flatMap((schema) => child(schema, segment));
    if (next.length === 0) return {};
    layers = next.flatMap(unwrap);
  }
  const field: SchemaField = {};
  for (const schema of layers) {
    const meta = z.globalRegistry.get(schema);
    if (field.title === undefined && typeof meta?.title === 'string') field.title = meta.title;
    const kind = meta?.[YAML_SCALAR_KIND];
    if (field.kind === undefined && typeof kind === 'string') field.kind = kind as YamlScalarKind;
    if (field.keys === undefined && schema instanceof z.ZodObject) field.keys = Object.keys(schema.shape);
  }
  return field;
}

/** The schema and every schema it wraps (optional, default, pipe input, union members), outermost first. */
function unwrap(schema: Schema): Schema[] {
  const layers: Schema[] = [schema];
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    layers.push(...unwrap(schema.unwrap() as Schema));
  } else if (schema instanceof z.ZodPipe) {
    layers.push(...unwrap(schema.in as Schema));
  } else if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly Schema[]) layers.push(...unwrap(option));
  }
  return layers;
}

function child(schema: Schema, segment: PropertyKey): Schema[] {
  if (schema instanceof z.ZodObject && typeof segment === 'string') {
    const field = (schema.shape as Record<string, Schema>)[segment];
    return field ? [field] : [];
  }
  if (schema instanceof z.ZodArray && typeof segment === 'number') return [schema.element as Schema];
  return [];
}
