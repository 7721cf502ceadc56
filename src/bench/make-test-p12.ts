import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CN that must survive as UTF-8 through CMS, pdfsig and openssl (NOTES: node-forge breaks it). */
export const CHINESE_CN = '重庆市渝中区人民政府办公室';
export const TEST_P12_PASSWORD = '测试-口令 1';

export interface TestP12 {
  file: string;
  bytes: Uint8Array;
  password: string;
  /** The certificate as PEM, for `openssl cms -verify -certfile`. */
  certificatePem: string;
}

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

/**
 * A self-signed certificate with Chinese (UTF-8) subject and issuer in a P12, made with the
 * openssl CLI (call only when externalTool('openssl') is available).
 */
export function makeTestP12(options: { keyType?: 'rsa' | 'ec' } = {}): TestP12 {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-p12-'));
  const key = options.keyType === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
  openssl(['req', '-x509', ...key, '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3650', '-utf8',
    '-subj', `/C=CN/ST=重庆市/O=重庆市渝中区人民政府/CN=${CHINESE_CN}`], dir);
  const passwordFile = join(dir, 'password.txt');
  writeFileSync(passwordFile, TEST_P12_PASSWORD);
  openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'test.p12', '-passout', `file:${passwordFile}`], dir);
  const file = join(dir, 'test.p12');
  return { file, bytes: new Uint8Array(readFileSync(file)), password: TEST_P12_PASSWORD, certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}
