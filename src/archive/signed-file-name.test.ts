import { describe, expect, it } from 'vitest';
import { SIGNED_NAME, signedFileName } from './signed-file-name.js';

describe('signedFileName', () => {
  it('numbers later copies from 2 and keeps the folder', () => {
    expect(signedFileName('out/2023/x.pdf', 1)).toBe('out/2023/x.signed.pdf');
    expect(signedFileName('out/2023/x.PDF', 3)).toBe('out/2023/x.signed-3.pdf');
  });

  it('recognises what it writes, and nothing else', () => {
    expect(SIGNED_NAME.test(signedFileName('a.pdf', 1))).toBe(true);
    expect(SIGNED_NAME.test(signedFileName('a.pdf', 12))).toBe(true);
    expect(SIGNED_NAME.test('a.pdf')).toBe(false);
    expect(SIGNED_NAME.test('signed.pdf')).toBe(false);
  });
});
