/**
 * One line (or two) of usage per command. Kept apart from the commands, so `ziping --help`
 * and a usage error print them without loading any command (and its renderers).
 */
export const commandUsage = {
  build: `ziping build [路径…] [--out DIR] [--format pdf,docx] [--docx-fonts embed|system] [--fonts FILE] [--templates DIR]
                [--pdfa] [--jobs N] [--force] [--prune] [--shard K/N] [--merge-manifests] [--watch] [--json] [--verbose]    生成 PDF/DOCX（只重建有变化的表单）`,
  check: 'ziping check [路径…] [--json]    校验并计分，不写文件',
  import: 'ziping import 文件… [--out DIR] [--force] [--json]    把绩效系统导出的文本拆成每表一个 YAML',
  diff: 'ziping diff OLD NEW [--json] | ziping diff --git REV [路径…] [--json]    两个文件、两个文件夹或 git 版本与工作区之间，数据和打印数值的变化（退出码：0 没有差异，1 有差异，2 出错）',
  pack: `ziping pack [路径…] [--out DIR] [--by department|year] [--fonts FILE] [--templates DIR] [--pdfa] [--jobs N] [--force] [--json]
                汇编：每个部门（或年度）一个 PDF（封面、目录、书签、页码），每年一份汇总表 summary.xlsx/.csv`,
  sign: 'ziping sign PDF…|目录 --p12 FILE (--pass-env VAR | --pass-file FILE) [--reason 文本] [--location 文本] [--allow-expired] [--json]    PAdES 签名，另存为 x.signed.pdf',
  verify: 'ziping verify PDF…|目录 [--json]    校验签名、归档清单与嵌入源文件的打印数值',
} as const;

export type CommandName = keyof typeof commandUsage;
