import { z } from 'zod';

/** The definition file of a format folder. */
export const FORMAT_FILE = 'format.yaml';

/**
 * The scoring rules a format can use (DESIGN §4, docs/formats.md), each with the base fields
 * its forms carry: cq2023 (重庆 2023 系统: funds with 年初/调整/执行, 偏离度, 得分系数 and a
 * normalised total) and mof2020 (财预〔2020〕10号: funds by source, 一级/二级/三级指标, 总分).
 */
export const RULE_NAMES = ['cq2023', 'mof2020'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

const Cq2023Rules = z.strictObject({
  name: z.literal('cq2023'),
  reverseMissed: z.enum(['ratio', 'linear']).default('ratio').meta({ title: '反向指标未达标时的得分系数' }),
  total: z.enum(['normalized', 'sum']).default('normalized').meta({ title: '自评总分算法' }),
  deviationNote: z.boolean().default(true).meta({ title: '偏离度超过 30% 时要求说明', description: '表样不印说明栏时写 false' }),
});
const Mof2020Rules = z.strictObject({ name: z.literal('mof2020') });

/** `rules: cq2023`, `rules: { name: cq2023, total: sum }` or `rules: mof2020`. */
const Rules = z
  .union([z.enum(RULE_NAMES), Cq2023Rules, Mof2020Rules])
  .transform((rules) => (typeof rules === 'string' ? (rules === 'cq2023' ? Cq2023Rules.parse({ name: rules }) : { name: rules }) : rules))
  .meta({ title: '评分规则' });

/** Fields of the mof2020 data a format may leave out (its form has no such column or row). */
export const OMITTABLE_FIELDS = ['funds.initial', 'funds.carryOver', 'funds.other'] as const;

/** A column a variant adds to the shared data model: free text the template prints. */
const ExtraField = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*$/, { message: '应为英文小驼峰，如 manager、adjustedTarget' })
    .meta({ title: '字段名' }),
  title: z.string().min(1).meta({ title: '中文名称', description: '报错、编辑器提示中的字段名，如 项目负责人及电话' }),
  description: z.string().optional().meta({ title: '说明' }),
  required: z.boolean().default(false).meta({ title: '是否必填' }),
});

/** A grade band: the highest band whose `min` the total reaches is printed (优 ≥ 90 …). */
const GradeBand = z.strictObject({
  min: z.number().min(0).max(100).meta({ title: '下限（含）' }),
  label: z.string().min(1).meta({ title: '等级' }),
});

export const FormatDefinitionSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(40)
      .refine((s) => !/[\\/:*?"<>|\s]/.test(s), { message: '不能含空白或 \\ / : * ? " < > |' })
      .meta({ title: '表样名称', description: '表单的 form: 写这个名称，如 部门整体' }),
    description: z.string().default('').meta({ title: '说明' }),
    family: z.enum(['部门整体', '项目支出']).meta({
      title: '表类',
      description: '部门整体 或 项目支出：汇编时的分组（部门整体排在前面）',
    }),
    rules: Rules,
    title: z.string().min(1).meta({ title: '标题', description: '{{year}} 换成年度，如 {{year}}年度部门整体绩效自评表' }),
    template: z.string().min(1).default('template.hbs').meta({ title: '模板文件', description: '相对于本文件夹，默认 template.hbs' }),
    money: z
      .strictObject({
        unit: z.enum(['元', '万元']).meta({ title: '金额打印单位' }),
      })
      .meta({ title: '金额' }),
    signs: z
      .enum(['ascii', 'fullwidth'])
      .default('ascii')
      .meta({ title: '比较符号', description: 'ascii：≥ ≤ =（默认）；fullwidth：≧ ≦ ═（云南等省的印法）' }),
    grades: z.array(GradeBand).optional().meta({ title: '评价等级', description: '按总分给出等级，如 优 ≥ 90、良 ≥ 80、中 ≥ 60、差' }),
    labels: z
      .strictObject({
        funds: z
          .partialRecord(z.enum(['total', 'fiscal', 'carryOver', 'other']), z.string().min(1))
          .optional()
          .meta({ title: '资金各行的名称', description: '表上印的行名，如 fiscal: 其中：本年财政拨款（check --json、汇总表、verify 也用它）' }),
      })
      .default({})
      .meta({ title: '印出的名称' }),
    omit: z
      .array(z.enum(OMITTABLE_FIELDS))
      .default([])
      .meta({ title: '不印的字段', description: '表上没有的字段，表单中也不写，如 四川 的 funds.initial（无年初预算数）、funds.carryOver（无上年结转资金）' }),
    fields: z
      .strictObject({
        project: z.array(ExtraField).default([]).meta({ title: '项目信息的附加字段' }),
        indicators: z.array(ExtraField).default([]).meta({ title: '绩效指标的附加字段' }),
      })
      .default({ project: [], indicators: [] })
      .meta({ title: '附加字段' }),
  })
  .superRefine((format, ctx) => {
    if (format.rules.name === 'cq2023' && format.omit.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['omit'], message: '评分规则 cq2023 的字段都参与计分，不能省去' });
    }
    if (format.rules.name === 'cq2023' && format.money.unit !== '元') {
      ctx.addIssue({ code: 'custom', path: ['money', 'unit'], message: '评分规则 cq2023 按元计算和打印金额，应为 元' });
    }
  })
  .meta({ title: '表样定义', description: 'ziping 表样文件夹的 format.yaml' });

export type FormatDefinition = z.output<typeof FormatDefinitionSchema>;
export type ExtraFieldDefinition = FormatDefinition['fields']['project'][number];
