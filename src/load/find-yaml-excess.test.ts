import { describe, expect, it } from 'vitest';
import { findYamlExcess } from './find-yaml-excess.js';

const depth = (text: string, limit: number) => findYamlExcess(text, { depth: limit, tokens: 1_000_000 });

describe('findYamlExcess', () => {
  it('accepts the nesting of a form', () => {
    const text = 'funds:\n  total: { initial: 1, adjusted: 1 }\nindicators:\n  - { name: a, target: "[1]" }\n';
    expect(depth(text, 4)).toBeNull();
  });

  it('finds where flow collections nest too deep', () => {
    expect(depth('a: [[[[x]]]]', 3)).toEqual({ kind: 'depth', offset: 6 });
    expect(depth('a: [{[x]}]', 3)).toBeNull();
  });

  it('counts block indicators on one line', () => {
    expect(depth('- - - - x\n', 3)).toEqual({ kind: 'depth', offset: 6 });
    expect(depth('- x\n- y\n- z\n- w\n', 3)).toBeNull();
  });

  it('ignores brackets and dashes inside scalars', () => {
    expect(depth('name: 指标[[[[1]]]]\nnote: "[[[["\n', 2)).toBeNull();
    const blockScalars = Array.from({ length: 10 }, () => '- |\n  - - - -\n').join('');
    expect(depth(blockScalars, 3)).toBeNull();
  });

  it('finds where the text has too many tokens', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `k${i}: v\n`).join('');
    expect(findYamlExcess(lines, { depth: 10, tokens: 1000 })).toBeNull();
    const excess = findYamlExcess(lines, { depth: 10, tokens: 100 });
    expect(excess?.kind).toBe('tokens');
    expect(lines.slice(0, excess?.offset).split('\n').length).toBe(21);
  });
});
