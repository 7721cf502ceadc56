import { describe, expect, it } from 'vitest';
import { formFileName } from './form-file-name.js';

describe('formFileName', () => {
  it('joins the project code and name', () => {
    expect(formFileName('50010322T000000148597', '夏季慰问及元旦、春节慰问')).toBe('50010322T000000148597-夏季慰问及元旦、春节慰问.yaml');
  });

  it('leaves no path separator, parent step or control character', () => {
    for (const [code, name] of [
      ['../../etc', '../passwd'],
      ['..\\..\\windows', 'system32'],
      ['/abs', 'x\u0000y\nz'],
      ['a/../../b', '..'],
      ['C:', 'a:b*c?d"e<f>g|h'],
    ]) {
      const file = formFileName(code, name);
      expect(file).not.toMatch(/[/\\\u0000-\u001f:*?"<>|]/);
      expect(file).not.toContain('..');
      expect(file.startsWith('.')).toBe(false);
      expect(file.endsWith('.yaml')).toBe(true);
    }
    expect(formFileName('../../etc', '../passwd')).toBe('etc-passwd.yaml');
  });

  it('limits the length and falls back when nothing is left', () => {
    const long = formFileName('5001', '很'.repeat(200));
    expect([...long].length).toBe('5001-'.length + 40 + '.yaml'.length);
    expect(formFileName('..', '..')).toBe('form.yaml');
    expect(formFileName('5001', '  ')).toBe('5001.yaml');
  });
});
