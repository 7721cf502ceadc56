import { verifyPdfs, type VerifyReport } from '../../archive/index.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

const MANIFEST_TEXT: Record<VerifyReport['manifest'], string> = {
  match: '与归档清单一致',
  none: '目录中没有归档清单',
  mismatch: '与归档清单不符',
  'missing-entry': '归档清单中没有记录',
};

function describe(report: VerifyReport): string[] {
  const lines = [report.ok ? `✓ ${report.file}` : `✗ ${report.file}`];
  for (const signature of report.signatures) {
    const signer = signature.signer;
    const time = signature.time ? `，签名时间 ${signature.time}` : '';
    lines.push(`    签名 ${signature.field}（${signature.subFilter}${signature.coversWholeFile ? '，覆盖整个文件' : ''}${time}）`);
    if (signer) {
      lines.push(`      签名者：${signer.subject}`);
      lines.push(`      颁发者：${signer.issuer}${signer.selfSigned ? '（自签名）' : ''}；序列号 ${signer.serialNumber}`);
      lines.push(`      有效期：${signer.validFrom} 至 ${signer.validTo}；SHA-256 指纹 ${signer.fingerprint256}`);
    }
    for (const note of signature.notes) lines.push(`      注意：${note}`);
  }
  lines.push(`    SHA-256 ${report.sha256}（${MANIFEST_TEXT[report.manifest]}）`);
  if (report.formSource) {
    const state = { match: '重新计分与 PDF 文字一致', mismatch: '重新计分与 PDF 文字不一致', unchecked: '未核对' }[report.formSource.printedValues];
    lines.push(`    嵌入源文件：${report.formSource.name}，${state}`);
  }
  for (const problem of report.problems) lines.push(`  错误 ${report.file} — ${problem.message} [${problem.code}]`);
  for (const warning of report.warnings) lines.push(`  警告 ${report.file} — ${warning.message} [${warning.code}]`);
  return lines;
}

export async function run(values: { json?: boolean }, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('请给出要校验的 PDF 文件或目录');
  const reports = await verifyPdfs(positionals);
  if (values.json) {
    output.json({ files: reports });
  } else {
    // A report is the result of verifying; a failed one goes to stderr with its errors.
    for (const report of reports) (report.ok ? output.result : output.diagnostic)(describe(report).join('\n'));
    const failed = reports.filter((r) => !r.ok).length;
    output.result(`共 ${reports.length} 个文件：${reports.length - failed} 个通过，${failed} 个未通过（证书信任链未校验）`);
  }
  if (reports.length === 0) {
    output.diagnostic('错误：没有找到已签名的 PDF（目录中只查找 *.signed.pdf、*.signed-N.pdf）');
    return 1;
  }
  return reports.some((r) => !r.ok) ? 1 : 0;
}
