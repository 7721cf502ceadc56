import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { badNumberReason } from './bad-number-reason.js';
import { checkIndicatorLevels } from './check-indicator-levels.js';
import { checkIndicatorRules } from './check-indicator-rules.js';
import { INDICATOR_LEVEL1, INDICATOR_LEVEL2 } from './indicator-levels.js';
import { DECIMAL_TEXT } from './decimal-text-pattern.js';
import { LoadCode } from './load-code.js';
import { shownText } from './shown-text.js';
import { YAML_SCALAR_KIND, type YamlScalarKind } from './yaml-scalar-kind.js';

/**
 * The one source of input types. YAML is parsed with the failsafe schema, so every scalar
 * arrives here as the exact text the user wrote: numbers never pass through a JS float,
 * and codes/phones keep their leading zeros.
 *
 * Conventions the loader relies on: objects are strict (a typo like `weigth` is an error);
 * `title` in `.meta()` names the field in messages and in the editor's hover text; custom
 * issues carry `params: { code, hint? }`, and their message is a clause that follows the
 * field's name ("指标权重：不能为负数").
 */

export { DECIMAL_TEXT };

const NUMBER_HINT = '数字写作 1190000、1190000.00 或 "1,190,000.00"（含逗号时加引号）';

function scalar(kind: YamlScalarKind) {
  return { [YAML_SCALAR_KIND]: kind };
}

/** A decimal written as `1190000`, `1190000.00` or `"1,190,000.00"`. */
export const DecimalText = z
  .string()
  .trim()
  .refine((s) => DECIMAL_TEXT.test(s), {
    error: (issue) => {
      const text = String(issue.input);
      const reason = badNumberReason(text.trim());
      return `“${shownText(text)}”不是有效的数字${reason ? `（${reason}）` : ''}`;
    },
    params: { code: LoadCode.NUMBER, hint: NUMBER_HINT },
  })
  .transform((s) => new Decimal(s.replace(/,/g, '')))
  .meta(scalar('decimal'));

export const Amount = DecimalText.refine((d) => !d.lt(0), {
  error: (issue) => `“${String(issue.input)}”不能为负数`,
  params: { code: LoadCode.NEGATIVE },
}).meta(scalar('amount'));

/**
 * Longer than this, a text fits in no cell of a page (a third of an A4 landscape page holds
 * ~1,100 characters), and a 100k-character one kept a build busy for minutes: refused at load,
 * so `check` says so too.
 */
export const MAX_TEXT_CHARS = 5000;

const BoundedText = z.string().refine((s) => s.length <= MAX_TEXT_CHARS, {
  error: (issue) => `有 ${String(issue.input).length} 个字符，超过上限 ${MAX_TEXT_CHARS}`,
  params: { code: LoadCode.TEXT_TOO_LONG, hint: '表格的一栏印不下这么长的文字：请精简，或把详细说明放在附件中' },
});

const Text = BoundedText;
/** Free text that editors may read as a number (`target: 200`, `phone: 63765419`). */
const TextOrNumber = BoundedText.meta(scalar('textOrNumber'));
/** Absent, empty or `~` all mean ''. */
const OptionalText = BoundedText.nullish()
  .transform((s) => s ?? '');

const BooleanText = z
  .enum(['true', 'false', '是', '否'])
  .transform((s) => s === 'true' || s === '是')
  .meta(scalar('boolean'));

const YearText = z
  .string()
  .trim()
  .refine((s) => /^\d{4}$/.test(s), {
    error: (issue) => `“${String(issue.input)}”不是四位数字的年度`,
    params: { code: LoadCode.NUMBER, hint: '如 year: 2023' },
  })
  .transform((s) => Number(s))
  .meta(scalar('year'));

export const FundsAmounts = z.strictObject({
  initial: Amount.meta({ title: '年初预算数', description: '年初预算数（元），如 1700000.00' }),
  adjusted: Amount.meta({ title: '全年（调整）预算数', description: '全年（调整）预算数（元），执行率的分母' }),
  executed: Amount.meta({ title: '全年执行数', description: '全年执行数（元）' }),
});

export const FundsSource = z.strictObject({
  name: Text.min(1).meta({ title: '资金来源名称', description: '财政拨款下的资金来源，如 一般公共预算' }),
  ...FundsAmounts.shape,
});

export const Nature = z.enum(['≥', '≤', '=', '定性']);
export const Grade = z.enum(['达成', '部分达成', '未达成']);

// Indicator fields both form families share, with their editor hover text.
const NatureField = Nature.meta({
  title: '指标性质',
  description: '≥ 越大越好；≤ 越小越好；= 等于指标值；定性 按等级评分（须填 grade）',
  // The editor's message (the schema's enum has only the canonical signs; `check` also reads >= <= ＝).
  errorMessage: '指标性质应为 ≥、≤、= 或 定性（>= 请写作 ≥，<= 写作 ≤）',
});
const GradeField = Grade.optional().meta({
  title: '等级',
  description: '定性指标的等级：达成（得分系数 80–100，默认 100）、部分达成（60–80）、未达成（0–60）',
});
/** 得分系数 for a 定性 indicator graded 部分达成/未达成 (or to lower a 达成 within its band). */
const CoefficientField = DecimalText.optional().meta({
  title: '得分系数',
  description: '定性指标的得分系数（%）：部分达成、未达成时必填，须在等级的范围内',
});

/** One indicator row, field by field; the rules between its fields are checked on the whole form. */
export const Indicator = z
  .strictObject({
    name: Text.min(1).meta({ title: '指标名称' }),
    unit: OptionalText.meta({ title: '计量单位', description: '计量单位，如 人次、%、无；可为空' }),
    nature: NatureField,
    /** Printed exactly as written; parsed as a decimal only for quantitative natures. */
    target: TextOrNumber.meta({ title: '指标值', description: '指标值，按原样打印；定量指标（≥ ≤ =）须为数字' }),
    actual: TextOrNumber.meta({ title: '全年完成值', description: '全年完成值，按原样打印；定量指标（≥ ≤ =）须为数字' }),
    grade: GradeField,
    coefficient: CoefficientField,
    weight: Amount.meta({ title: '指标权重', description: '指标权重（分）；二级项目合计一般为 90' }),
    core: BooleanText.default(false).meta({ title: '是否核心指标', description: 'true/false（或 是/否），默认 false' }),
    note: OptionalText.meta({ title: '说明', description: '说明；偏离度超过 30% 时应填写原因' }),
  })
  .meta({ title: '绩效指标' });

const ProfileName = z.enum(['cq2023']);

export const ProfileOptions = z.strictObject({
  name: ProfileName.default('cq2023').meta({ title: '规则名称', description: 'cq2023：重庆 2023 年系统的评分规则' }),
  reverseMissed: z
    .enum(['ratio', 'linear'])
    .default('ratio')
    .meta({
      title: '反向指标未达标时的得分系数',
      description: 'ratio：指标值 ÷ 完成值 × 100（默认）；linear：100 − 超出比例',
    }),
  total: z
    .enum(['normalized', 'sum'])
    .default('normalized')
    .meta({
      title: '自评总分算法',
      description: 'normalized：指标得分按权重合计折算到 100 − 执行率权重（默认）；sum：直接相加，最多 100',
    }),
  deviationNote: BooleanText.default(true).meta({
    title: '偏离度超过 30% 时要求说明',
    description: 'true（默认）：偏离度超过 ±30% 而说明为空时警告；false：不警告（表样不印说明栏时）',
  }),
});

/** `profile: cq2023` or `profile: { name: cq2023, reverseMissed: linear, total: sum }`. */
export const Profile = z
  .union([ProfileName, ProfileOptions])
  .transform((profile): ProfileOptionsData & FormatScoring => (typeof profile === 'string' ? ProfileOptions.parse({ name: profile }) : profile));

/** Numbers as printed elsewhere (e.g. the system's export), cross-checked against the computed ones. */
export const Reported = z.strictObject({
  selfScore: TextOrNumber.optional().meta({ title: '自评总分' }),
  funds: z
    .array(
      z.strictObject({
        row: Text.meta({ title: '行名', description: '年度总金额、其中：财政拨款 或 资金来源名称' }),
        initial: TextOrNumber.optional().meta({ title: '年初预算数' }),
        adjusted: TextOrNumber.optional().meta({ title: '全年（调整）预算数' }),
        executed: TextOrNumber.optional().meta({ title: '全年执行数' }),
        rate: TextOrNumber.optional().meta({ title: '执行率' }),
        rateWeight: TextOrNumber.optional().meta({ title: '执行率权重' }),
        rateScore: TextOrNumber.optional().meta({ title: '执行率得分' }),
      }),
    )
    .optional()
    .meta({ title: '资金情况各行' }),
  indicators: z
    .array(
      z.strictObject({
        name: Text.optional().meta({ title: '指标名称' }),
        deviation: TextOrNumber.optional().meta({ title: '偏离度（%）' }),
        coefficient: TextOrNumber.optional().meta({ title: '得分系数（%）' }),
        weight: TextOrNumber.optional().meta({ title: '指标权重' }),
        score: TextOrNumber.optional().meta({ title: '指标得分' }),
      }),
    )
    .optional()
    .meta({ title: '绩效指标各行' }),
});

export const FormKind = z.enum(['部门整体', '二级项目']);

/**
 * What a format adds to a family's schema (format.yaml): its `form:` value, the default of
 * `profile:` (the format's rules), and the columns the variant adds to the project and to each
 * indicator (free text, printed as written).
 */
export interface FamilySchemaOptions<Form extends z.ZodType> {
  form: Form;
  profile?: unknown;
  projectFields?: ExtraFields;
  indicatorFields?: ExtraFields;
  /** The unit the form prints amounts in (mof2020 formats: 万元 or 元). */
  printUnit?: string;
  /** The format's labels of the fund rows, by kind. */
  fundLabels?: Partial<Record<string, string>>;
  /** Fields the format's form does not have (format.yaml `omit`: `funds.initial`, `funds.carryOver` …). */
  omit?: readonly string[];
}

/** A variant's added fields: key → its title (names it in messages and the editor) and whether it must be filled. */
export type ExtraFields = ReadonlyArray<{ key: string; title: string; description?: string; required: boolean }>;

function extraShape(fields: ExtraFields = []): Record<string, z.ZodType> {
  return Object.fromEntries(
    fields.map((field) => [
      field.key,
      (field.required ? TextOrNumber.min(1) : OptionalText.meta(scalar('textOrNumber'))).meta({ title: field.title, ...(field.description ? { description: field.description } : {}) }),
    ]),
  );
}

/** A schema with a variant's fields added; typed as the base (the extra keys are free text read by name). */
function withFields<Schema extends z.ZodObject>(fields: ExtraFields | undefined, schema: Schema): Schema {
  if (!fields?.length) return schema;
  const extended = schema.extend(extraShape(fields));
  const meta = z.globalRegistry.get(schema);
  return (meta ? extended.meta(meta) : extended) as unknown as Schema;
}

/** The Chongqing 2023 system's forms (部门整体, 二级项目), scored by profile cq2023. */
export function chongqingFormSchema<Form extends z.ZodType>(options: FamilySchemaOptions<Form>) {
  return z
  .strictObject({
    form: options.form,
    year: YearText.meta({ title: '年度', description: '四位数字，如 2023' }),
    status: OptionalText.meta({ title: '状态', description: '打印在标题下方，如 绩效审核已审' }),
    profile: withFormatScoring(Profile, (options.profile as ProfileOptionsData | undefined) ?? { name: 'cq2023', reverseMissed: 'ratio', total: 'normalized', deviationNote: true }, { fundLabels: options.fundLabels }).meta({
      title: '评分规则',
      description: '默认 cq2023；也可写 { name: cq2023, reverseMissed: linear, total: sum }',
    }),
    /** Optional path (relative to the YAML file) of a template to use instead of the built-in one. */
    template: Text.optional().meta({ title: '模板', description: '自定义模板文件（相对于本文件的路径）；不填用内置模板' }),
    project: withFields(options.projectFields, z
      .strictObject({
        name: Text.min(1).meta({ title: '项目名称' }),
        code: TextOrNumber.min(1).meta({ title: '项目编码', description: '项目编码；建议加引号以保留前导零' }),
        department: Text.meta({ title: '项目主管部门', description: '如 024-重庆市渝中区人民政府办公室' }),
        financeOffice: OptionalText.meta({ title: '财政归口处室', description: '如 003-行事科' }),
        contact: OptionalText.meta({ title: '部门联系人' }),
        phone: OptionalText.meta({ title: '联系电话', [YAML_SCALAR_KIND]: 'textOrNumber' }),
      })
      .meta({ title: '项目信息' })),
    funds: z
      .strictObject({
        total: FundsAmounts.meta({ title: '年度总金额' }),
        fiscal: FundsAmounts.meta({ title: '其中：财政拨款' }),
        sources: z
          .array(FundsSource.meta({ title: '资金来源' }))
          .default([])
          .meta({ title: '资金来源', description: '财政拨款下的各行，如 一般公共预算' }),
        rateWeight: Amount.meta({ title: '执行率权重', description: '执行率权重（分），一般为 10' }),
      })
      .meta({ title: '资金情况', description: '金额单位为元，按填写的精度精确计算' }),
    goals: z
      .strictObject({
        initial: OptionalText.meta({ title: '年初绩效目标' }),
        adjusted: OptionalText.meta({ title: '全年（调整）绩效目标' }),
        achieved: OptionalText.meta({ title: '全年目标实际完成情况' }),
      })
      .meta({ title: '绩效目标' }),
    indicators: z.array(withFields(options.indicatorFields, Indicator)).min(1).meta({ title: '绩效指标' }),
    reported: Reported.optional().meta({
      title: '已公布的数值',
      description: '其他来源（如系统导出）打印的数值，与计算结果核对，不一致时给出警告',
    }),
  })
  // Also when other fields failed (`when`), so one pass reports every problem of the file.
  .check(
    z.superRefine(
      (form, ctx) => {
        const indicators: unknown = (form as { indicators?: unknown }).indicators;
        if (Array.isArray(indicators)) indicators.forEach((indicator, index) => checkIndicatorRules(indicator, ['indicators', index], ctx));
      },
      { when: () => true },
    ),
  )
  .meta({ title: '绩效自评表（重庆）', description: '部门整体、二级项目绩效自评表（重庆 2023 系统样式）' });
}

export const ChongqingFormSchema = chongqingFormSchema({ form: FormKind.meta({ title: '表样', description: '部门整体 或 二级项目，决定使用的模板' }) });

// ---- 项目支出绩效自评表 (财预〔2020〕10号 附件), profile mof2020 -------------------------

export const NationalFormKind = z.literal('项目支出');

/** 一级指标 of 财预〔2020〕10号 附件, in the form's order. */
export const IndicatorLevel1 = z.enum(INDICATOR_LEVEL1);

/** 二级指标 of 财预〔2020〕10号 附件 (each belongs to one 一级指标, see indicator-levels.ts). */
export const IndicatorLevel2 = z.enum(INDICATOR_LEVEL2);

/** The unit the amounts are written in; the form prints 万元 (元 amounts are divided by 10 000). */
export const FundsUnit = z.enum(['万元', '元']);

export const NationalFundsAmounts = z.strictObject({
  initial: Amount.meta({ title: '年初预算数', description: '年初预算数，单位见 funds.unit（默认万元）' }),
  adjusted: Amount.meta({ title: '全年预算数', description: '全年预算数，执行率的分母' }),
  executed: Amount.meta({ title: '全年执行数' }),
});

/** One 三级指标 row of the national form, with the 一级/二级指标 it sits under. */
export const NationalIndicator = z
  .strictObject({
    level1: IndicatorLevel1.meta({ title: '一级指标', description: '产出指标、效益指标 或 满意度指标' }),
    level2: IndicatorLevel2.meta({ title: '二级指标', description: '如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标' }),
    name: Text.min(1).meta({ title: '三级指标' }),
    unit: OptionalText.meta({ title: '计量单位', description: '印在指标值和完成值之后，如 人次、%；可为空（无 也不打印）' }),
    nature: NatureField,
    target: TextOrNumber.meta({ title: '年度指标值', description: '年度指标值；定量指标（≥ ≤ =）须为数字，打印为 ≥200人次 的形式' }),
    actual: TextOrNumber.meta({ title: '实际完成值', description: '实际完成值；定量指标（≥ ≤ =）须为数字' }),
    grade: GradeField,
    coefficient: CoefficientField,
    weight: Amount.meta({ title: '分值', description: '指标分值；执行率分值与各指标分值合计一般为 100' }),
    note: OptionalText.meta({ title: '偏差原因分析及改进措施', description: '未完成指标值时应填写' }),
  })
  .meta({ title: '绩效指标' });

const NationalProfileName = z.literal('mof2020');

/**
 * `profile: mof2020` or `profile: { name: mof2020 }` (the rule has no options a form sets).
 * `printUnit` is its format's (format.yaml `money.unit`); absent, amounts print in 万元.
 */
export const NationalProfile = z
  .union([NationalProfileName, z.strictObject({ name: NationalProfileName.meta({ title: '规则名称', description: 'mof2020：财预〔2020〕10号 项目支出绩效自评规则' }) })])
  .transform((profile): { name: 'mof2020' } & FormatScoring => ({ name: typeof profile === 'string' ? profile : profile.name }));

/** What a format hands its scorer besides the rule's options (never written in a form): printed unit and row labels. */
export interface FormatScoring {
  printUnit?: z.output<typeof FundsUnit>;
  /** The format's own labels of the fund rows, by kind (四川: fiscal → 其中：本年财政拨款). */
  fundLabels?: Partial<Record<string, string>>;
  /** Fund rows the format's form has not (四川: carryOver), left out of the printed values. */
  omittedRows?: string[];
}

/**
 * A profile field whose output also carries the format's scoring settings. Without any, the
 * plain field (the built-in formats' schemas stay as they were).
 */
function withFormatScoring<Schema extends z.ZodType>(field: Schema, defaults: z.output<Schema>, scoring: FormatScoring) {
  const settings = Object.fromEntries(Object.entries(scoring).filter(([, value]) => value !== undefined && (typeof value !== 'object' || Object.keys(value).length > 0)));
  if (Object.keys(settings).length === 0) return field.default(defaults as never);
  return field.transform((profile) => ({ ...(profile as object), ...settings }) as z.output<Schema>).default({ ...(defaults as object), ...settings } as never);
}

/** A fund row's amounts, without 年初预算数 when the format's form has none (`omit: [funds.initial]`; it prints blank). */
function fundsAmounts(omit: readonly string[] = []): typeof NationalFundsAmounts {
  return omit.includes('funds.initial') ? (NationalFundsAmounts.omit({ initial: true }) as unknown as typeof NationalFundsAmounts) : NationalFundsAmounts;
}

/** An object without the keys a format omits under `prefix` (`funds.carryOver` → no `carryOver`: a form that writes it is told so). */
function withoutFields<Schema extends z.ZodObject>(omit: readonly string[] = [], prefix: string, schema: Schema): Schema {
  const keys = omit.filter((path) => path.startsWith(`${prefix}.`)).map((path) => path.slice(prefix.length + 1)).filter((key) => key in schema.shape);
  if (keys.length === 0) return schema;
  const meta = z.globalRegistry.get(schema);
  const narrowed = schema.omit(Object.fromEntries(keys.map((key) => [key, true])) as never);
  return (meta ? narrowed.meta(meta) : narrowed) as unknown as Schema;
}

/** The profile field of a mof2020 format: its money unit and row labels carried to the scorer. */
function nationalProfileField(options: FamilySchemaOptions<z.ZodType>) {
  const omittedRows = (options.omit ?? []).filter((path) => path === 'funds.carryOver' || path === 'funds.other').map((path) => path.slice('funds.'.length));
  return withFormatScoring(NationalProfile, { name: 'mof2020' }, { printUnit: options.printUnit === '元' ? '元' : undefined, fundLabels: options.fundLabels, omittedRows });
}

/** 项目支出绩效自评表 (财预〔2020〕10号 附件), scored by profile mof2020. */
export function nationalFormSchema<Form extends z.ZodType>(options: FamilySchemaOptions<Form>) {
  return z
  .strictObject({
    form: options.form,
    year: YearText.meta({ title: '年度', description: '四位数字，如 2023' }),
    profile: nationalProfileField(options).meta({ title: '评分规则', description: '项目支出默认且只能为 mof2020' }),
    template: Text.optional().meta({ title: '模板', description: '自定义模板文件（相对于本文件的路径）；不填用内置模板' }),
    project: withFields(options.projectFields, z
      .strictObject({
        name: Text.min(1).meta({ title: '项目名称' }),
        code: TextOrNumber.min(1).meta({ title: '项目编码', description: '项目编码（表上不打印，用于区分文件与输出）；建议加引号以保留前导零' }),
        department: Text.min(1).meta({ title: '主管部门' }),
        implementingUnit: Text.min(1).meta({ title: '实施单位' }),
      })
      .meta({ title: '项目信息' })),
    funds: withoutFields(options.omit, 'funds', z
      .strictObject({
        unit: FundsUnit.default('万元').meta({ title: '金额单位', description: '下列金额的单位：万元（默认）或 元；表上一律按万元打印' }),
        total: fundsAmounts(options.omit).meta({ title: '年度资金总额' }),
        fiscal: fundsAmounts(options.omit).meta({ title: '其中：当年财政拨款' }),
        carryOver: fundsAmounts(options.omit).optional().meta({ title: '上年结转资金', description: '没有可不填，该行留空' }),
        other: fundsAmounts(options.omit).optional().meta({ title: '其他资金', description: '没有可不填，该行留空' }),
        rateWeight: Amount.meta({ title: '分值', description: '预算执行率的分值，一般为 10' }),
      })
      .meta({ title: '项目资金', description: '年度资金总额应等于当年财政拨款、上年结转资金与其他资金之和' })),
    goals: z
      .strictObject({
        initial: OptionalText.meta({ title: '预期目标', description: '年度总体目标：年初设定的预期目标' }),
        achieved: OptionalText.meta({ title: '实际完成情况' }),
      })
      .meta({ title: '年度总体目标' }),
    indicators: z.array(withFields(options.indicatorFields, NationalIndicator)).min(1).meta({ title: '绩效指标' }),
    note: OptionalText.meta({ title: '注', description: '表下的“注：”说明；不填则不打印' }),
    reported: Reported.optional().meta({
      title: '已公布的数值',
      description: '其他来源打印的数值，与计算结果核对，不一致时给出警告',
    }),
  })
  .check(
    z.superRefine(
      (form, ctx) => {
        const indicators: unknown = (form as { indicators?: unknown }).indicators;
        if (!Array.isArray(indicators)) return;
        indicators.forEach((indicator, index) => checkIndicatorRules(indicator, ['indicators', index], ctx));
        checkIndicatorLevels(indicators, ctx);
      },
      { when: () => true },
    ),
  )
  .meta({ title: '项目支出绩效自评表', description: '财预〔2020〕10号 附件的项目支出绩效自评表' });
}

export const NationalFormSchema = nationalFormSchema({
  form: NationalFormKind.meta({ title: '表样', description: '项目支出：财预〔2020〕10号 附件的项目支出绩效自评表' }),
});

/**
 * The one source of input types: a form is one of the two families, told apart by `form`.
 * Each family validates (and reports) only its own fields.
 */
export const FormSchema = z
  .discriminatedUnion('form', [ChongqingFormSchema, NationalFormSchema])
  .meta({ title: '绩效自评表', description: 'ziping 绩效自评表源数据：一个文件一张表' });

export type Form = z.output<typeof FormSchema>;
export type FormInput = z.input<typeof FormSchema>;
export type ChongqingForm = z.output<typeof ChongqingFormSchema>;
export type NationalForm = z.output<typeof NationalFormSchema>;
export type NationalIndicatorData = z.output<typeof NationalIndicator>;
export type NationalFundsAmountsData = z.output<typeof NationalFundsAmounts>;
export type IndicatorData = z.output<typeof Indicator>;
export type FundsAmountsData = z.output<typeof FundsAmounts>;
export type ProfileOptionsData = z.output<typeof ProfileOptions>;
export type ReportedData = z.output<typeof Reported>;
