import { Document, Scalar, isMap, isSeq } from 'yaml';
import { ExportLabel } from './export-labels.js';
import type { ExportedForm, ExportedFundsRow, ExportedIndicator } from './exported-form.js';
import { gradeForCoefficient } from './grade-for-coefficient.js';
import { normaliseLabel } from './normalise-label.js';
import { PlainNumber } from './plain-number.js';

export interface ExportToYamlOptions {
  /** The export's file name, for the header comment (no directories, so the YAML stays the same wherever the export lay). */
  source: string;
  /** Path of form.schema.json relative to the YAML file; adds the yaml-language-server line. */
  schema?: string;
}

/**
 * One exported form as a ziping source YAML (DESIGN §3, fields of src/load/form-schema.ts).
 * Input fields get the printed values (amounts without thousands separators); every value
 * the system computed goes under `reported`, in the shape of PrintedForm, so `ziping check`
 * compares it with its own result. Same form in, same text out.
 */
export function exportToYaml(form: ExportedForm, options: ExportToYamlOptions): string {
  const { funds } = form;
  const data = {
    form: form.kind,
    year: new PlainNumber(form.year),
    status: form.status.trim(),
    profile: 'cq2023',
    project: {
      name: form.header.name.trim(),
      code: form.header.code.trim(),
      department: form.header.department.trim(),
      financeOffice: form.header.financeOffice.trim(),
      contact: form.header.contact.trim(),
      phone: form.header.phone.trim(),
    },
    funds: {
      total: amounts(funds.total),
      fiscal: amounts(funds.fiscal),
      sources: funds.sources.map((row) => ({ name: row.label.trim(), ...amounts(row) })),
      rateWeight: new PlainNumber(funds.fiscal.rateWeight.trim()),
    },
    goals: { initial: form.goals.initial.trim(), adjusted: form.goals.adjusted.trim(), achieved: form.goals.achieved.trim() },
    indicators: form.indicators.map(indicator),
    reported: form.entry ? undefined : {
      selfScore: form.header.selfScore.trim(),
      funds: [
        reportedFundsRow(funds.total, ExportLabel.totalRow, false),
        reportedFundsRow(funds.fiscal, ExportLabel.fiscalRow, true),
        ...funds.sources.map((row) => reportedFundsRow(row, row.label.trim(), false)),
      ],
      indicators: form.indicators.map((row) => ({
        name: row.name.trim(),
        deviation: row.deviation.trim(),
        coefficient: row.coefficient.trim(),
        weight: row.weight.trim(),
        score: row.score.trim(),
      })),
    },
  };
  const doc = new Document(data, { customTags: [PlainNumber.tag] });
  // One line per amount row and per reported row, as in DESIGN §3; indicators, the part
  // people edit, stay in block style.
  for (const path of [['funds', 'total'], ['funds', 'fiscal']]) flow(doc.getIn(path, true));
  for (const path of [['funds', 'sources'], ['reported', 'funds'], ['reported', 'indicators']]) {
    const seq = doc.getIn(path, true);
    if (isSeq(seq)) seq.items.forEach(flow);
  }
  doc.commentBefore = header(form, options);
  return doc.toString({ lineWidth: 0 });
}

function flow(node: unknown): void {
  if (isMap(node)) node.flow = true;
}

function header(form: ExportedForm, options: ExportToYamlOptions): string {
  const lines = [
    `由 ziping import 从 ${oneLine(options.source)} 第 ${form.line} 行导入（${form.title}）`,
    form.entry ? '手工填写的表（无自评总分）：计算值由 ziping check / build 得出' : 'reported 为导出文件中打印的计算值，ziping check 会与重新计算的结果逐项核对',
  ];
  if (options.schema !== undefined) lines.unshift(`yaml-language-server: $schema=${oneLine(options.schema)}`);
  return lines.map((line) => ` ${line}`).join('\n');
}

/** A file name in a comment must not end the comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, ' ');
}

function amounts(row: ExportedFundsRow) {
  return { initial: amount(row.initial), adjusted: amount(row.adjusted), executed: amount(row.executed) };
}

/** `1,190,000.00` → 1190000.00: the digits as printed, without thousands separators. */
function amount(printed: string): PlainNumber {
  return new PlainNumber(printed.trim().replace(/,/g, ''));
}

/** A plain `=` means the YAML 1.1 "value" tag to some readers (PyYAML fails on it): quote it. */
function natureScalar(nature: ExportedIndicator['nature']): Scalar<string> {
  const scalar = new Scalar(nature);
  if (nature === '=') scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function indicator(row: ExportedIndicator) {
  return {
    name: row.name.trim(),
    unit: row.unit.trim(),
    nature: natureScalar(row.nature),
    target: row.target.trim(),
    actual: row.actual.trim(),
    ...(row.nature === '定性' ? gradeForCoefficient(row.coefficient.trim()) : {}),
    weight: new PlainNumber(row.weight.trim()),
    core: normaliseLabel(row.core) === '是',
    note: row.note.trim(),
  };
}

/**
 * PrintedFundsRow as printed: 年度总金额 prints no rate (a value printed there anyway is kept),
 * 财政拨款 prints rate, 执行率权重 and 执行率得分, a source row prints its rate.
 */
function reportedFundsRow(row: ExportedFundsRow, label: string, fiscal: boolean) {
  const printed = (text: string, always: boolean) => (always || text.trim() !== '' ? text.trim() : undefined);
  const result: Record<string, string> = { row: label, initial: row.initial.trim(), adjusted: row.adjusted.trim(), executed: row.executed.trim() };
  const rate = printed(row.rate, label !== ExportLabel.totalRow);
  const rateWeight = printed(row.rateWeight, fiscal);
  const rateScore = printed(row.rateScore, fiscal);
  if (rate !== undefined) result.rate = rate;
  if (rateWeight !== undefined) result.rateWeight = rateWeight;
  if (rateScore !== undefined) result.rateScore = rateScore;
  return result;
}
