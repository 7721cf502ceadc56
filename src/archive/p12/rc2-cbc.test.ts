import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rc2CbcDecrypt, rc2CbcDecryptRaw } from './rc2-cbc.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const ZERO_IV = new Uint8Array(8);

describe('rc2CbcDecrypt', () => {
  // RFC 2268 §5 test vectors (one block, so CBC with a zero IV is the bare cipher).
  it.each([
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ])('decrypts the RFC 2268 vector key %s, %i effective bits', (key, bits, plain, cipher) => {
    expect(Buffer.from(rc2CbcDecryptRaw(hex(key), bits, ZERO_IV, hex(cipher))).toString('hex')).toBe(plain);
  });

  const openssl = spawnSync('openssl', ['enc', '-provider', 'legacy', '-provider', 'default', '-rc2-40-cbc', '-K', '0102030405', '-iv', '0001020304050607'], {
    input: '财政拨款 执行率 100% — several blocks of text',
  });
  it.skipIf(openssl.status !== 0)('decrypts what openssl -rc2-40-cbc wrote, padding removed', () => {
    expect(rc2CbcDecrypt(hex('0102030405'), 40, hex('0001020304050607'), openssl.stdout)?.toString('utf8')).toBe('财政拨款 执行率 100% — several blocks of text');
    expect(rc2CbcDecrypt(hex('0102030406'), 40, hex('0001020304050607'), openssl.stdout)?.toString('utf8')).not.toBe('财政拨款 执行率 100% — several blocks of text');
  });
});
