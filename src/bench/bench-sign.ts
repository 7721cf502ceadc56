import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { createSigner, signPdfs } from '../archive/index.js';
import { makeTestP12 } from './make-test-p12.js';
import { ZIPING_BIN } from './ziping-bin.js';

/** Signing a batch of PDF/A forms once the key is unlocked (needs the openssl CLI for the test P12). */
export async function benchSign(files: number): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v openssl']).status !== 0) {
    console.log('\nsign: skipped (openssl is not installed)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ziping-bench-sign-'));
  try {
    spawnSync(process.execPath, [ZIPING_BIN, 'build', 'data/2023/yuzhong-gov-office/summer-visits.yaml', '--pdfa', '--format', 'pdf', '--out', dir], { encoding: 'utf8' });
    const [pdf] = fg.sync('**/*.pdf', { cwd: dir, absolute: true });
    for (let i = 0; i < files; i++) copyFileSync(pdf, join(dir, `form-${String(i).padStart(4, '0')}.pdf`));
    rmSync(pdf);
    const p12 = makeTestP12();
    const unlockStarted = performance.now();
    const signer = createSigner(p12.bytes, p12.password, { at: new Date() });
    const unlockMs = performance.now() - unlockStarted;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const results = await signPdfs([dir], signer, { date: new Date('2024-05-01T00:00:00Z') });
    const used = process.cpuUsage(cpu);
    const ok = results.filter((r) => r.ok).length;
    console.log(`\nsign: ${files} PDF/A forms, PAdES B-B, RSA-2048`);
    console.log(`  unlock the P12 once  ${unlockMs.toFixed(0)} ms`);
    console.log(`  per file             ${((performance.now() - started) / files).toFixed(2)} ms wall   ${((used.user + used.system) / 1000 / files).toFixed(2)} ms CPU   (${ok}/${files} signed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
