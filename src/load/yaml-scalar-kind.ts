/**
 * Metadata key marking what a string field of the schema holds. The loader parses YAML with
 * the failsafe schema (every scalar a string), but editors read the same file with YAML's
 * core types, where `weight: 20` is a number and `core: false` a boolean; the JSON Schema
 * generator widens each marked field so both readings are accepted.
 */
export const YAML_SCALAR_KIND = 'x-ziping-scalar';

/** decimal: any number; amount: non-negative number; year: 4 digits; boolean: true/false/是/否; textOrNumber: free text that is often numeric. */
export type YamlScalarKind = 'decimal' | 'amount' | 'year' | 'boolean' | 'textOrNumber';
