import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['indicators', 2, 'actual'])).toBe('indicators[2].actual');
    expect(formatPath(['funds', 'sources', 0, 'name'])).toBe('funds.sources[0].name');
  });

  it('gives the empty string for the whole file', () => {
    expect(formatPath([])).toBe('');
  });
});
