import { isScalar, type Document } from 'yaml';
import { findYamlNode } from './find-yaml-node.js';

/**
 * Source offset to report for a field path: the value's start; the key's for an empty value
 * (`note:`) or when `at` is 'key'; the nearest existing ancestor's start for a missing field.
 */
export function yamlOffsetOf(doc: Document, path: readonly PropertyKey[], at: 'value' | 'key' = 'value'): number {
  const found = findYamlNode(doc, path);
  const emptyValue = isScalar(found.node) && found.node.type === 'PLAIN' && found.node.value === '';
  const target = found.complete && found.key && (at === 'key' || emptyValue) ? found.key : found.node;
  return target?.range?.[0] ?? 0;
}
