import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formJsonSchemaText } from '../src/load/form-json-schema.js';

const FILE = 'data/form.schema.json';
const DATA = ['department-overall', 'summer-visits', 'research-and-information'].map((n) => `data/2023/yuzhong-gov-office/${n}.yaml`);

type Schema = Record<string, any>;

/** The few draft-07 keywords the generated schema uses, enough to see what an editor would flag. */
function violations(schema: Schema, value: unknown, at = ''): string[] {
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (schema.anyOf) {
    const options: Schema[] = schema.anyOf;
    return options.some((option) => violations(option, value, at).length === 0) ? [] : [`${at}: matches no option`];
  }
  const problems: string[] = [];
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual} is not ${types.join('|')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${String(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${at}: pattern`);
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: minLength`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: maximum`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at}: minItems`);
    if (schema.items) value.forEach((item, i) => problems.push(...violations(schema.items, item, `${at}[${i}]`)));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: required`);
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...violations(property, item, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${key}: not allowed`);
    }
  }
  return problems;
}

function properties(schema: Schema, at = ''): [string, Schema][] {
  const found: [string, Schema][] = [];
  for (const [key, child] of Object.entries<Schema>(schema.properties ?? {})) {
    found.push([`${at}.${key}`, child], ...properties(child, `${at}.${key}`));
  }
  if (schema.items) found.push(...properties(schema.items, `${at}[]`));
  for (const option of schema.anyOf ?? []) found.push(...properties(option, at));
  return found;
}

describe('editor JSON Schema', () => {
  const schema: Schema = JSON.parse(readFileSync(FILE, 'utf8'));

  it('is committed as generated (run `npm run build && npm run schema` after changing the zod schema)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(formJsonSchemaText());
  });

  it('gives every field a Chinese title for hover text', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(([, child]) => !/[\u4e00-\u9fff]/.test(String(child.title ?? ''))).map(([at]) => at)).toEqual([]);
  });

  it.each(DATA)('accepts %s as an editor reads it (YAML core types)', (file) => {
    const value = parse(readFileSync(file, 'utf8'));
    expect(typeof value.year).toBe('number');
    expect(typeof value.indicators[0].core).toBe('boolean');
    expect(violations(schema, value)).toEqual([]);
  });

  it('flags what the loader rejects', () => {
    const value = parse(readFileSync(DATA[1], 'utf8'));
    value.indicators[0].weigth = 1;
    value.indicators[1].weight = -5;
    value.indicators[2].nature = '>';
    value.funds.total.initial = '1,2,3';
    delete value.project.code;
    expect(violations(schema, value).sort()).toEqual([
      '.funds.total.initial: matches no option',
      '.indicators[0].weigth: not allowed',
      '.indicators[1].weight: matches no option',
      '.indicators[2].nature: > not in enum',
      '.project.code: required',
    ]);
  });
});
