import { readFile } from 'node:fs/promises';
import { ArchiveError, createSigner, signPdfs, type Signer } from '../../archive/index.js';
import { sourceDate } from '../../build/source-date.js';
import { parseCommandLine } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';

/** The password from an environment variable or a file, never from the command line (it would show in `ps`). */
async function readPassword(passEnv: string | undefined, passFile: string | undefined): Promise<string> {
  if ((passEnv === undefined) === (passFile === undefined)) {
    throw new UsageError('需要 --pass-env 环境变量名 或 --pass-file 口令文件（二选一；口令不能写在命令行上）');
  }
  if (passEnv !== undefined) {
    const value = process.env[passEnv];
    if (value === undefined) throw new UsageError(`环境变量 ${passEnv} 未设置`);
    return value;
  }
  try {
    // A BOM and one trailing line break (LF or CRLF) are the editor's (Notepad writes both), not the password's.
    return (await readFile(passFile!, 'utf8')).replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  } catch {
    throw new UsageError(`口令文件无法读取：${passFile}`);
  }
}

export async function signCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    p12: { type: 'string' },
    'pass-env': { type: 'string' },
    'pass-file': { type: 'string' },
    reason: { type: 'string' },
    location: { type: 'string' },
    'allow-expired': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('请给出要签名的 PDF 文件或目录');
  if (!values.p12) throw new UsageError('需要 --p12 证书文件');
  const password = await readPassword(values['pass-env'], values['pass-file']);
  let p12: Uint8Array;
  try {
    p12 = new Uint8Array(await readFile(values.p12));
  } catch {
    process.stderr.write(`✗ 无法读取证书文件：${values.p12} [E_P12_NOT_FOUND]\n`);
    return 1;
  }
  const date = sourceDate();
  let signer: Signer;
  try {
    signer = createSigner(p12, password, { at: date, allowExpired: values['allow-expired'] });
  } catch (error) {
    // Nothing has been written yet: a wrong password or a broken P12 leaves every file as it was.
    if (!(error instanceof ArchiveError)) throw error;
    process.stderr.write(`✗ ${values.p12}：${error.message} [${error.code}]\n`);
    return 1;
  }
  if (signer.validityWarning) process.stderr.write(`警告 ${values.p12}：${signer.validityWarning}（--allow-expired） [W_CERT_VALIDITY]\n`);
  const started = performance.now();
  const results = await signPdfs(positionals, signer, { date, reason: values.reason, location: values.location });
  const elapsed = performance.now() - started;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ signer: signer.certificate, files: results }, null, 2)}\n`);
  } else {
    process.stdout.write(`签名证书：${signer.certificate.subject}（序列号 ${signer.certificate.serialNumber}）\n`);
    for (const result of results) {
      process.stdout.write(result.ok ? `✓ ${result.file} → ${result.output}\n` : `✗ ${result.file} — ${result.error.message} [${result.error.code}]\n`);
    }
    const failed = results.filter((r) => !r.ok).length;
    const each = results.length > 0 ? `，平均每个 ${(elapsed / results.length).toFixed(1)} 毫秒` : '';
    process.stdout.write(`共 ${results.length} 个 PDF：签名 ${results.length - failed} 个，失败 ${failed} 个，用时 ${(elapsed / 1000).toFixed(2)} 秒${each}\n`);
  }
  if (results.length === 0) {
    process.stderr.write('没有找到要签名的 PDF\n');
    return 1;
  }
  return results.some((r) => !r.ok) ? 1 : 0;
}
