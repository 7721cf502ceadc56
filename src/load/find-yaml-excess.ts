import { CST, Lexer } from 'yaml';

export interface YamlLimits {
  /** Deepest nesting of flow collections, and most block indicators (`- `, `? `) on one line. */
  depth: number;
  /** Most lexer tokens (keys, values, punctuation, spaces): a bound on the size of the tree. */
  tokens: number;
}

export type YamlExcess = { kind: 'depth' | 'tokens'; offset: number };

/**
 * Where the YAML text goes past `limits`, or null. The `yaml` composer recurses per level and
 * spends ~1 KB per node: a few hundred KB of `[[[[…`, `- - - -…` or `k: v` lines cost it
 * seconds and gigabytes. The lexer is linear and builds no tree, so it measures first.
 */
export function findYamlExcess(text: string, limits: YamlLimits): YamlExcess | null {
  let offset = 0;
  let tokens = 0;
  let flowDepth = 0;
  let lineIndicators = 0;
  let afterScalarMarker = false;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) {
      afterScalarMarker = token === CST.SCALAR;
      continue;
    }
    if (++tokens > limits.tokens) return { kind: 'tokens', offset };
    // The token after a SCALAR marker is scalar content, whatever it looks like.
    if (!afterScalarMarker) {
      if (token === '[' || token === '{') {
        if (++flowDepth > limits.depth) return { kind: 'depth', offset };
      } else if (token === ']' || token === '}') {
        flowDepth = Math.max(0, flowDepth - 1);
      } else if (token === '-' || token === '?') {
        if (++lineIndicators > limits.depth) return { kind: 'depth', offset };
      }
    }
    if (token.includes('\n')) lineIndicators = 0;
    afterScalarMarker = false;
    offset += token.length;
  }
  return null;
}
