/**
 * What each command is called, takes and means — the one table `ziping --help`, `ziping help
 * <command>`, `<command> --help`, did-you-mean and option parsing are made from (by commander,
 * in program.ts). Kept apart from the commands' code, so help and usage errors load none of it
 * (`ziping check` never loads pdfmake or the signer).
 *
 * A command module exports `run(options, args)`: options camelCased as commander gives them
 * (`--docx-fonts` → `docxFonts`), args the positional arguments in order (variadic ones spread).
 */

// commander's opts() are untyped; each command declares the interface of its own options.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandRun = (options: any, args: string[]) => Promise<number>;

export interface OptionSpec {
  /** commander flags: `-o, --out <目录>`, `--force`. */
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: string;
}

export interface CommandSpec {
  name: string;
  /** commander argument syntax: `[路径...]`, `<文件...>`. */
  arguments: string[];
  summary: string;
  /** More lines under the summary in `<command> --help`. */
  details?: string;
  options: OptionSpec[];
  examples: string[];
  load: () => Promise<{ run: CommandRun }>;
}

const json: OptionSpec = { flags: '--json', description: '结果以一个 JSON 文档写到标准输出（DESIGN §8）' };
const out = (what: string, fallback: string): OptionSpec => ({ flags: '-o, --out <目录>', description: `${what}（默认 ${fallback}）` });
const jobs: OptionSpec = { flags: '-j, --jobs <N>', description: '并行的工作线程数（默认每个处理器一个）' };
const fonts: OptionSpec = { flags: '--fonts <文件>', description: '字体配置文件（默认 fonts/fonts.json，或 ziping.config.json 的 fonts）' };
const templates: OptionSpec = { flags: '--templates <目录>', description: '模板目录（默认内置模板，或 ziping.config.json 的 templates）' };
const pdfa: OptionSpec = { flags: '--pdfa', description: '生成 PDF/A-3b 归档文件（嵌入 YAML 源文件，可签名）' };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'build',
    arguments: ['[路径...]'],
    summary: '校验、计分并生成 PDF/DOCX（只重建有变化的表单）',
    details: '路径是文件或文件夹（其下所有 *.yaml），默认 data。结果写到输出目录，清单 .ziping-manifest.json 记录每个表单的输出和打印数值。',
    options: [
      out('输出目录', 'out，或 ziping.config.json 的 out'),
      { flags: '--format <格式>', description: 'pdf、docx 或 pdf,docx（默认 pdf,docx）' },
      { flags: '--docx-fonts <方式>', description: 'DOCX 的字体：embed 嵌入字体子集，system 用电脑上的宋体/黑体/仿宋', choices: ['embed', 'system'] },
      fonts,
      templates,
      pdfa,
      jobs,
      { flags: '-f, --force', description: '重建所有表单，不看清单中哪些未变' },
      { flags: '--prune', description: '删除源文件已不存在的表单的输出（只删输出目录中内容未被改动过的文件）' },
      { flags: '--shard <K/N|auto>', description: '只生成 N 份中的第 K 份（多台机器并行，见 docs/sharding.md；之后用 --merge-manifests 合并清单）；auto 从 Kubernetes Indexed Job（JOB_COMPLETION_INDEX）或 GitLab CI parallel（CI_NODE_INDEX/CI_NODE_TOTAL）读取' },
      { flags: '--shard-count <N>', description: '与 --shard auto 一起用：分片总数（Kubernetes 不告诉 Pod，须等于 Job 的 completions；也可设环境变量 ZIPING_SHARD_COUNT）' },
      { flags: '--merge-manifests', description: '把各分片的清单合并为一个（在所有分片生成之后运行）' },
      { flags: '-w, --watch', description: '生成后继续监视 YAML 文件，保存即重建（Ctrl-C 结束）' },
      json,
      { flags: '-v, --verbose', description: '表单很多时也逐个列出生成的表单' },
    ],
    examples: ['ziping build', 'ziping build data/2023 -o out/2023 --format pdf', 'ziping build -f -j 4', 'ziping build --shard 2/4', 'ziping build --shard auto --shard-count 4', 'ziping build --merge-manifests'],
    load: () => import('./commands/build.js'),
  },
  {
    name: 'check',
    arguments: ['[路径...]'],
    summary: '校验并计分，不写任何文件',
    details: '每个表单一行：通过的写自评总分，出错的列出错误（文件:行:列、字段、代码）。',
    options: [json],
    examples: ['ziping check', 'ziping check data/2023/城市管理局.yaml', 'ziping check --json > report.json'],
    load: () => import('./commands/check.js'),
  },
  {
    name: 'init',
    arguments: ['[文件夹]'],
    summary: '新建 ziping 项目：示例表单、ziping.config.json、.gitignore、编辑器设置和表单 Schema',
    details:
      '文件夹默认为当前文件夹，不存在则创建。写出 data/<年度>/示例/ 下部门整体、二级项目、项目支出各一张示例表，ziping.config.json，form.schema.json，.vscode/settings.json（把 Schema 映射到 data/**/*.yaml，表单无需首行注释），.gitignore（忽略 out/）。已是项目（有 ziping.config.json）时不做任何改动；其他已存在的文件保留原样。',
    options: [],
    examples: ['ziping init', 'ziping init 2025决算'],
    load: () => import('./commands/init.js'),
  },
  {
    name: 'new',
    arguments: ['<表样>'],
    summary: '新建一张表单（部门整体、二级项目 或 项目支出），数值为待替换的示例',
    details:
      '写到项目的 data/<年度>/<编码>-<名称>.yaml（或 -o 给出的文件），写出前按 check 的规则校验，并检查本年度没有同一项目编码的表单。年度默认为上一年。',
    options: [
      { flags: '--code <编码>', description: '项目编码（必填）' },
      { flags: '--name <名称>', description: '项目名称（必填）' },
      { flags: '--year <年度>', description: '四位年度（默认上一年）' },
      { flags: '--department <部门>', description: '主管部门，如 024-重庆市渝中区人民政府办公室' },
      { flags: '-o, --out <文件>', description: '写到这个文件' },
      { flags: '-f, --force', description: '覆盖已存在的文件' },
    ],
    examples: ['ziping new 二级项目 --code 50010322T000000148597 --name 夏季慰问', 'ziping new 项目支出 --code XM-001 --name 农村饮水 --year 2025'],
    load: () => import('./commands/new.js'),
  },
  {
    name: 'formats',
    arguments: [],
    summary: '列出已安装的表样（内置的和 ziping.config.json 的 formatFolders 中的）',
    details:
      '每行一个表样：名称（表单的 form: 写它）、表类、评分规则、金额单位、来源、说明和附加字段。表样是一个文件夹：format.yaml（定义）加模板，写法见 docs/formats.md。定义有错误时列出其位置（文件:行:列）并以 1 退出。',
    options: [json],
    examples: ['ziping formats', 'ziping formats --json'],
    load: () => import('./commands/formats.js'),
  },
  {
    name: 'schema',
    arguments: [],
    summary: '写出表单的 JSON Schema（编辑器据此补全和提示错误）',
    details: '不加 -o 时写到标准输出。VS Code（YAML 扩展）等编辑器用它检查 *.yaml：在 .vscode/settings.json 的 yaml.schemas 中把它映射到 data/**/*.yaml，或在表单第一行写 # yaml-language-server: $schema=<路径>。已存在的文件只在它是 ziping 的表单 Schema 时才被替换（否则加 --force）。',
    options: [
      { flags: '-o, --out <文件>', description: '写到这个文件（原子替换）' },
      { flags: '-f, --force', description: '目标文件不是 ziping 的表单 Schema 时也替换它' },
      { flags: '--form <表样>', description: '只写这一个表样的 Schema（含它的附加字段）；默认所有已安装的表样（ziping formats）' },
    ],
    examples: ['ziping schema -o form.schema.json', 'ziping schema > form.schema.json', 'ziping schema --form 云南2022项目支出 -o yunnan.schema.json'],
    load: () => import('./commands/schema.js'),
  },
  {
    name: 'import',
    arguments: ['<文件...>'],
    summary: '把绩效系统导出的文本或 Excel 工作簿（.xlsx）拆成每表一个 YAML',
    details: '.xlsx 按 ZIP 文件头识别（不看扩展名），每个工作表一张或几张表，行列与打印的表样相同（ziping template --xlsx 生成填报模板）；数字按单元格显示的样子读取。',
    options: [out('YAML 写到的目录', 'data'), { flags: '-f, --force', description: '覆盖已有的、内容不同的 YAML' }, json],
    examples: ['ziping import 导出.txt', 'ziping import 导出.txt -o data/2024', 'ziping import 填报.xlsx'],
    load: () => import('./commands/import.js'),
  },
  {
    name: 'template',
    arguments: [],
    summary: '写出 Excel 填报模板（部门整体、二级项目各一个工作表），填好后用 ziping import 导入',
    details:
      '工作表的行列与打印的表样相同：黄色单元格填写，灰色单元格由 ziping 计算可留空，另有“说明”工作表。没有填写的表样工作表和留空的指标行在导入时跳过。已存在的文件不覆盖（除非加 --force）。',
    options: [
      { flags: '--xlsx', description: '写 Excel 工作簿（.xlsx，WPS 亦可打开）' },
      { flags: '-o, --out <文件>', description: '写到这个文件（默认 绩效自评表模板.xlsx）' },
      { flags: '--year <年度>', description: '标题中的年度（默认上一年）' },
      { flags: '-f, --force', description: '覆盖已有的文件' },
    ],
    examples: ['ziping template --xlsx', 'ziping template --xlsx -o 2024填报.xlsx --year 2024', 'ziping import 2024填报.xlsx -o data/2024'],
    load: () => import('./commands/template.js'),
  },
  {
    name: 'diff',
    arguments: ['[路径...]'],
    summary: '两个文件、两个文件夹或 git 版本与工作区之间，数据和打印数值的变化',
    details: '用法：ziping diff 旧 新，或 ziping diff --git 版本 [路径...]。退出码：0 没有差异，1 有差异，2 出错。',
    options: [{ flags: '--git <版本>', description: '与 git 版本（如 HEAD、v2023）中的同一批表单比较' }, json],
    examples: ['ziping diff data-old data', 'ziping diff --git HEAD', 'ziping diff --git v2023 data/2023'],
    load: () => import('./commands/diff.js'),
  },
  {
    name: 'pack',
    arguments: ['[路径...]'],
    summary: '汇编：每个部门（或年度）一个 PDF（封面、目录、书签、页码），每年一份汇总表 summary.xlsx/.csv',
    options: [
      out('输出目录', 'out，或 ziping.config.json 的 out'),
      { flags: '--by <分组>', description: 'department 按部门（默认）或 year 按年度汇编', choices: ['department', 'year'], default: 'department' },
      fonts,
      templates,
      pdfa,
      jobs,
      { flags: '-f, --force', description: '重新生成所有汇编' },
      json,
    ],
    examples: ['ziping pack', 'ziping pack data/2023 --by year'],
    load: () => import('./commands/pack.js'),
  },
  {
    name: 'report',
    arguments: ['[路径...]'],
    summary: '年度报告：每张表单的自评总分、警告、未达成指标及偏差原因，按部门统计',
    details: '像 check 一样校验并计分，不生成 PDF。每个部门列出表单数、平均和最低自评总分、低于 90 分的表单数；有错误的表单列出错误，退出码 1，其余照常报告。',
    options: [
      { flags: '-o, --out <文件>', description: '另写一份 .xlsx 工作簿（表单、未达成指标、部门三张表）；已有文件只在它是 ziping report 写的时才替换' },
      { flags: '-f, --force', description: '-o 的文件不是 ziping report 写的也替换' },
      json,
    ],
    examples: ['ziping report', 'ziping report data/2023 -o report.xlsx', 'ziping report --json > report.json'],
    load: () => import('./commands/report.js'),
  },
  {
    name: 'sign',
    arguments: ['<PDF或目录...>'],
    summary: 'PAdES 签名，另存为 x.signed.pdf（原文件不变）',
    details: '口令只从环境变量或文件读取，不能写在命令行上（会出现在 ps 中）。',
    options: [
      { flags: '--p12 <文件>', description: '签名证书和私钥（PKCS#12：.p12/.pfx）' },
      { flags: '--pass-env <变量>', description: '从这个环境变量读取口令' },
      { flags: '--pass-file <文件>', description: '从这个文件读取口令（允许 BOM 和行末换行）' },
      { flags: '--reason <文本>', description: '签名原因' },
      { flags: '--location <文本>', description: '签名地点' },
      { flags: '--allow-expired', description: '证书在签名时间已过期或尚未生效时仍签名（给出警告）' },
      json,
    ],
    examples: ['ZIPING_P12_PASS=… ziping sign out --p12 印章.p12 --pass-env ZIPING_P12_PASS', 'ziping sign out/a.pdf --p12 印章.pfx --pass-file 口令.txt --reason 决算公开'],
    load: () => import('./commands/sign.js'),
  },
  {
    name: 'verify',
    arguments: ['<PDF或目录...>'],
    summary: '校验签名、归档清单与嵌入源文件的打印数值',
    options: [json],
    examples: ['ziping verify out', 'ziping verify out/a.signed.pdf --json'],
    load: () => import('./commands/verify.js'),
  },
];
