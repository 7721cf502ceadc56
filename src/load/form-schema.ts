import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * The one source of input types. YAML is parsed with the failsafe schema, so every scalar
 * arrives here as the exact text the user wrote: numbers never pass through a JS float,
 * and codes/phones keep their leading zeros.
 */

const AMOUNT_TEXT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A decimal written as `1190000`, `1190000.00` or `"1,190,000.00"` (thousands separators allowed). */
export const DecimalText = z
  .string({ error: '应为数字' })
  .trim()
  .refine((s) => AMOUNT_TEXT.test(s), { message: '不是有效的数字（允许 1190000、1190000.00 或 "1,190,000.00"）' })
  .transform((s) => new Decimal(s.replace(/,/g, '')));

export const Amount = DecimalText.refine((d) => !d.isNegative(), { message: '金额不能为负数' });

const Text = z.string({ error: '应为文本' });
const OptionalText = z.string({ error: '应为文本' }).nullish().transform((s) => s ?? '');

const BooleanText = z
  .enum(['true', 'false', '是', '否'], { error: '应为 true/false（或 是/否）' })
  .transform((s) => s === 'true' || s === '是');

const YearText = z
  .string()
  .regex(/^\d{4}$/, { message: '年度应为四位数字' })
  .transform((s) => Number(s));

export const FundsAmounts = z.object({
  initial: Amount,
  adjusted: Amount,
  executed: Amount,
});

export const FundsSource = FundsAmounts.extend({ name: Text.min(1, { message: '资金来源名称不能为空' }) });

export const Nature = z.enum(['≥', '≤', '=', '定性'], { error: '指标性质应为 ≥、≤、= 或 定性' });
export const Grade = z.enum(['达成', '部分达成', '未达成'], { error: '等级应为 达成、部分达成 或 未达成' });

export const Indicator = z.object({
  name: Text.min(1, { message: '指标名称不能为空' }),
  unit: OptionalText,
  nature: Nature,
  /** Printed exactly as written; parsed as a decimal only for quantitative natures. */
  target: Text,
  actual: Text,
  grade: Grade.optional(),
  /** 得分系数 for a 定性 indicator graded 部分达成/未达成 (or to lower a 达成 within its band). */
  coefficient: DecimalText.optional(),
  weight: Amount,
  core: BooleanText.default(false),
  note: OptionalText,
});

export const ProfileOptions = z.object({
  name: z.enum(['cq2023'], { error: '未知的评分规则（支持 cq2023）' }).default('cq2023'),
  reverseMissed: z.enum(['ratio', 'linear']).default('ratio'),
  total: z.enum(['normalized', 'sum']).default('normalized'),
});

/** `profile: cq2023` or `profile: { name: cq2023, reverseMissed: linear, total: sum }`. */
export const Profile = z
  .union([z.string().transform((name) => ({ name })), z.object({}).passthrough()])
  .pipe(ProfileOptions);

/** Numbers as printed elsewhere (e.g. the system's export), cross-checked against the computed ones. */
export const Reported = z.object({
  selfScore: Text.optional(),
  funds: z
    .array(
      z.object({
        row: Text,
        initial: Text.optional(),
        adjusted: Text.optional(),
        executed: Text.optional(),
        rate: Text.optional(),
        rateWeight: Text.optional(),
        rateScore: Text.optional(),
      }),
    )
    .optional(),
  indicators: z
    .array(
      z.object({
        name: Text.optional(),
        deviation: Text.optional(),
        coefficient: Text.optional(),
        weight: Text.optional(),
        score: Text.optional(),
      }),
    )
    .optional(),
});

export const FormKind = z.enum(['部门整体', '二级项目'], { error: '表样应为 部门整体 或 二级项目' });

export const FormSchema = z.object({
  form: FormKind,
  year: YearText,
  status: OptionalText,
  profile: Profile.default({ name: 'cq2023', reverseMissed: 'ratio', total: 'normalized' }),
  /** Optional path (relative to the YAML file) of a template to use instead of the built-in one. */
  template: Text.optional(),
  project: z.object({
    name: Text.min(1, { message: '项目名称不能为空' }),
    code: Text.min(1, { message: '项目编码不能为空' }),
    department: Text,
    financeOffice: OptionalText,
    contact: OptionalText,
    phone: OptionalText,
  }),
  funds: z.object({
    total: FundsAmounts,
    fiscal: FundsAmounts,
    sources: z.array(FundsSource).default([]),
    rateWeight: Amount,
  }),
  goals: z.object({ initial: OptionalText, adjusted: OptionalText, achieved: OptionalText }),
  indicators: z.array(Indicator).min(1, { message: '至少需要一个绩效指标' }),
  reported: Reported.optional(),
});

export type Form = z.output<typeof FormSchema>;
export type FormInput = z.input<typeof FormSchema>;
export type IndicatorData = z.output<typeof Indicator>;
export type FundsAmountsData = z.output<typeof FundsAmounts>;
export type ProfileOptionsData = z.output<typeof ProfileOptions>;
export type ReportedData = z.output<typeof Reported>;
