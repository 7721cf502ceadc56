import { buildForms } from '../../build/build-forms.js';
import { defaultFontConfig } from '../../build/default-font-config.js';
import { reportsToJson } from '../../build/check-forms.js';
import type { OutputFormat } from '../../build/form-renderer.js';
import { loadTemplateSources } from '../../build/load-template-sources.js';
import { sourceDate } from '../../build/source-date.js';
import { loadFontSet } from '../../render/fonts/font-set.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { parseCommandLine } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';

export const buildUsage =
  'ziping build [路径…] [--out DIR] [--format pdf,docx] [--docx-fonts embed|system] [--fonts FILE] [--json]    生成 PDF/DOCX';

const FORMATS: OutputFormat[] = ['pdf', 'docx'];

function parseFormats(text: string): OutputFormat[] {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`--format 只能是 pdf、docx 或 pdf,docx（收到 ${text}）`);
  return [...new Set(formats)] as OutputFormat[];
}

export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    out: { type: 'string', default: 'out' },
    format: { type: 'string', default: 'pdf,docx' },
    'docx-fonts': { type: 'string' },
    fonts: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  const formats = parseFormats(values.format!);
  const docxFonts = values['docx-fonts'];
  if (docxFonts !== undefined && docxFonts !== 'embed' && docxFonts !== 'system') {
    throw new UsageError(`--docx-fonts 只能是 embed 或 system（收到 ${docxFonts}）`);
  }
  let fonts;
  try {
    fonts = loadFontSet(defaultFontConfig(values.fonts));
  } catch (error) {
    throw new UsageError(`字体配置无法读取：${(error as Error).message}`);
  }
  const started = performance.now();
  const built = await buildForms(positionals.length > 0 ? positionals : ['data'], {
    outDir: values.out!,
    formats,
    fonts,
    templates: loadTemplateSources(),
    date: sourceDate(),
    docxFonts: docxFonts ?? fonts.docxFonts,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (values.json) {
    const document = reportsToJson(built, (form) => ({ outputs: (form as (typeof built)[number]).outputs }));
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    for (const form of built) {
      const head = form.ok ? `✓ ${form.file} → ${form.outputs.join('、')}` : `✗ ${form.file}（未生成文件）`;
      const removed = form.removed.map((file) => `  已删除过期的输出：${file}`);
      process.stdout.write(`${[head, ...[...form.errors, ...form.warnings].map(formatDiagnostic), ...removed].join('\n')}\n`);
    }
    const failed = built.filter((f) => !f.ok).length;
    const warnings = built.reduce((n, f) => n + f.warnings.length, 0);
    process.stdout.write(`共 ${built.length} 个表单：生成 ${built.length - failed} 个，失败 ${failed} 个，${warnings} 条警告，用时 ${seconds} 秒\n`);
  }
  if (built.length === 0) process.stderr.write('没有找到 *.yaml 表单文件\n');
  return built.some((f) => !f.ok) ? 1 : 0;
}
