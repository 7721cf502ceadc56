import type { Document } from 'yaml';
import type { z } from 'zod';
import { editDistance } from './edit-distance.js';
import { findYamlNode } from './find-yaml-node.js';

type Issue = z.core.$ZodIssue;

/**
 * A misspelt key (`weigth: 45`) makes two issues: the unknown key and the missing `weight`.
 * Keeps only the first, whose hint names the intended key, so the first error says what to fix.
 */
export function dropMisspeltRequired(issues: readonly Issue[], doc: Document): Issue[] {
  const unknownByParent = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') unknownByParent.set(JSON.stringify(issue.path), issue.keys);
  }
  if (unknownByParent.size === 0) return [...issues];
  return issues.filter((issue) => {
    if (issue.code !== 'invalid_type' || issue.path.length === 0) return true;
    const key = issue.path[issue.path.length - 1];
    const unknown = unknownByParent.get(JSON.stringify(issue.path.slice(0, -1)));
    if (typeof key !== 'string' || !unknown) return true;
    const misspelt = unknown.some((candidate) => editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
    return !(misspelt && !findYamlNode(doc, issue.path).complete);
  });
}
