import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSigner } from '../src/archive/index.js';
import { externalTool } from './support/external-tool.js';
import { CHINESE_CN, makeTestP12 } from './support/test-p12.js';

const openssl = externalTool('openssl');

describe.skipIf(!openssl.available)(`createSigner ${openssl.reason}`, () => {
  it('opens a P12 made by openssl with a Chinese CN and signs a CMS that openssl verifies', () => {
    const p12 = makeTestP12();
    const signer = createSigner(p12.bytes, p12.password, { at: new Date() });
    expect(signer.certificate.subject).toContain(`CN=${CHINESE_CN}`);
    expect(signer.certificate.selfSigned).toBe(true);
    const content = Buffer.from('一些内容 content');
    const cms = signer.signDigest(createHash('sha256').update(content).digest());
    expect(cms.length).toBeLessThanOrEqual(signer.maxCmsLength);
    const dir = mkdtempSync(join(tmpdir(), 'ziping-cms-'));
    writeFileSync(join(dir, 'sig.der'), cms);
    writeFileSync(join(dir, 'content.bin'), content);
    const result = spawnSync('openssl', ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-out', '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toContain('Verification successful');
    const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).not.toContain('signingTime');
  });
});
