import { sourceDate } from '../build/source-date.js';
import type { FormatDefinition } from '../load/format/format-definition.js';

/** The year a form written today is usually for: self-evaluation follows the budget year (SOURCE_DATE_EPOCH's year, if set). */
export function defaultFormYear(now: Date = sourceDate()): number {
  return now.getUTCFullYear() - 1;
}

/** The built-in formats `ziping init` writes an example of, as `form:` names them. */
export const FORM_FAMILIES = ['部门整体', '二级项目', '项目支出'] as const;
export type FormFamily = (typeof FORM_FAMILIES)[number];

export interface NewFormFields {
  /** The format's definition: its name, rules (which fields), family and added fields. */
  format: FormatDefinition;
  code: string;
  name: string;
  year: number;
  department: string;
  /** `$schema=` target written as the file's first line; none when the editor maps the schema otherwise. */
  schemaRef?: string;
}

/** A YAML string as a double-quoted scalar: JSON's quoting is valid YAML and escapes everything needed. */
const q = (text: string) => JSON.stringify(text);

const HEAD = `# 由 ziping new 生成。下列金额、指标和目标都是示例，请逐项改为本表的实际数据后再生成、公开。
# 字段说明：鼠标悬停可见（编辑器读 form.schema.json）；ziping check 校验并计分。`;

/**
 * The text of a new, valid form of `family`: every required field, example amounts and indicators
 * that score without warnings (weights summing as the family expects), and comments saying what
 * to replace. Pure; the caller checks it loads before writing it.
 */
export function newFormText(fields: NewFormFields): string {
  const modeline = fields.schemaRef === undefined ? '' : `# yaml-language-server: $schema=${fields.schemaRef}\n`;
  const body = fields.format.rules.name === 'mof2020' ? nationalBody(fields) : chongqingBody(fields);
  return `${modeline}${HEAD}\n${withAddedFields(body, fields.format)}`;
}

/** The format's added fields: each project one under `project:`, the required indicator ones on every indicator. */
function withAddedFields(body: string, format: FormatDefinition): string {
  const placeholder = (field: { title: string; required: boolean }) => (field.required ? q(`${field.title}（请填写）`) : '""');
  const project = format.fields.project.map((field) => `  ${field.key}: ${placeholder(field)}\n`).join('');
  const indicator = format.fields.indicators
    .filter((field) => field.required)
    .map((field) => `, ${field.key}: ${placeholder(field)}`)
    .join('');
  let text = body.replace(/^(project:\n(?: {2}.*\n)*)/m, `$1${project}`);
  if (indicator) text = text.replace(/^( {2}- \{.*) \}$/gm, `$1${indicator} }`);
  return text;
}

function chongqingBody({ format, code, name, year, department }: NewFormFields): string {
  // Project forms' weights sum to 90 (the plain sum); 部门整体's to 100, scaled to 90 (DESIGN §4).
  const [a, b, c] = format.family === '项目支出' ? [40, 30, 20] : [40, 30, 30];
  return `form: ${format.name}
year: ${year}
status: 草稿
project:
  name: ${q(name)}
  code: ${q(code)}
  department: ${q(department)}
  financeOffice: ""
  contact: ""
  phone: ""
funds:                    # 金额单位：元
  total:  { initial: 100000.00, adjusted: 100000.00, executed: 100000.00 }   # 年度总金额
  fiscal: { initial: 100000.00, adjusted: 100000.00, executed: 100000.00 }   # 其中：财政拨款
  sources:
    - { name: 一般公共预算, initial: 100000.00, adjusted: 100000.00, executed: 100000.00 }
  rateWeight: 10          # 执行率权重
goals:
  initial: 年初绩效目标（请填写）
  adjusted: ""
  achieved: 全年目标实际完成情况（请填写）
indicators:               # 指标性质：≥ ≤ = 或 定性（定性须填 grade）
  - { name: 示例数量指标, unit: 次, nature: "≥", target: 10, actual: 10, weight: ${a}, core: true, note: "" }
  - { name: 示例比率指标, unit: "%", nature: "=", target: 100, actual: 100, weight: ${b}, core: false, note: "" }
  - { name: 示例定性指标, unit: 无, nature: 定性, target: 达标, actual: 达标, grade: 达成, weight: ${c}, core: false, note: "" }
`;
}

function nationalBody({ format, code, name, year, department }: NewFormFields): string {
  return `form: ${format.name}
year: ${year}
profile: mof2020
project:
  name: ${q(name)}
  code: ${q(code)}
  department: ${q(department)}
  implementingUnit: ${q(department)}
funds:
  unit: 万元
  total:  { initial: 100.00, adjusted: 100.00, executed: 100.00 }   # 年度资金总额
  fiscal: { initial: 100.00, adjusted: 100.00, executed: 100.00 }   # 其中：当年财政拨款
  rateWeight: 10          # 预算执行率的分值
goals:
  initial: 年度预期目标（请填写）
  achieved: 实际完成情况（请填写）
indicators:               # 一级、二级指标见 财预〔2020〕10号 附件
  - { level1: 产出指标, level2: 数量指标, name: 示例数量指标, unit: 个, nature: "≥", target: 10, actual: 10, weight: 30 }
  - { level1: 产出指标, level2: 质量指标, name: 示例质量指标, unit: "%", nature: "≥", target: 95, actual: 95, weight: 20 }
  - { level1: 效益指标, level2: 社会效益指标, name: 示例效益指标, nature: 定性, target: 有效提升, actual: 有效提升, grade: 达成, weight: 20 }
  - { level1: 满意度指标, level2: 服务对象满意度指标, name: 示例满意度指标, unit: "%", nature: "≥", target: 90, actual: 90, weight: 20 }
`;
}
