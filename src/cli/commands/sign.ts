import { readFile } from 'node:fs/promises';
import { ArchiveError, createSigner, signPdfs, type Signer } from '../../archive/index.js';
import { sourceDate } from '../../build/source-date.js';
import * as output from '../output.js';
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

interface SignValues {
  p12?: string;
  passEnv?: string;
  passFile?: string;
  reason?: string;
  location?: string;
  allowExpired?: boolean;
  json?: boolean;
}

export async function run(values: SignValues, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('请给出要签名的 PDF 文件或目录');
  if (!values.p12) throw new UsageError('需要 --p12 证书文件');
  const password = await readPassword(values.passEnv, values.passFile);
  let p12: Uint8Array;
  try {
    p12 = new Uint8Array(await readFile(values.p12));
  } catch {
    output.diagnostic(`✗ 无法读取证书文件：${values.p12} [E_P12_NOT_FOUND]`);
    return 1;
  }
  const date = sourceDate();
  let signer: Signer;
  try {
    signer = createSigner(p12, password, { at: date, allowExpired: values.allowExpired });
  } catch (error) {
    // Nothing has been written yet: a wrong password or a broken P12 leaves every file as it was.
    if (!(error instanceof ArchiveError)) throw error;
    output.diagnostic(`✗ ${values.p12}：${error.message} [${error.code}]`);
    return 1;
  }
  if (signer.validityWarning) output.diagnostic(`警告 ${values.p12}：${signer.validityWarning}（--allow-expired） [W_CERT_VALIDITY]`);
  const started = performance.now();
  const results = await signPdfs(positionals, signer, { date, reason: values.reason, location: values.location });
  const elapsed = performance.now() - started;
  if (values.json) {
    output.json({ signer: signer.certificate, files: results });
  } else {
    output.result(`签名证书：${signer.certificate.subject}（序列号 ${signer.certificate.serialNumber}）`);
    for (const result of results) {
      if (result.ok) output.result(`✓ ${result.file} → ${result.output}`);
      else output.diagnostic(`✗ ${result.file} — ${result.error.message} [${result.error.code}]`);
    }
    const failed = results.filter((r) => !r.ok).length;
    const each = results.length > 0 ? `，平均每个 ${(elapsed / results.length).toFixed(1)} 毫秒` : '';
    output.result(`共 ${results.length} 个 PDF：签名 ${results.length - failed} 个，失败 ${failed} 个，用时 ${(elapsed / 1000).toFixed(2)} 秒${each}`);
  }
  if (results.length === 0) {
    output.diagnostic('错误：没有找到要签名的 PDF');
    return 1;
  }
  return results.some((r) => !r.ok) ? 1 : 0;
}
