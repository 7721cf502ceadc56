import { NationalFundsRowLabel } from '../score/index.js';
import type { LabelTable } from './label-table.js';

const AMOUNTS = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;
const INDICATOR = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  unit: '计量单位',
  nature: '指标性质',
  target: '年度指标值',
  actual: '实际完成值',
  grade: '等级',
  coefficient: '得分系数',
  weight: '分值',
  note: '偏差原因分析及改进措施',
} as const;
const REPORTED_FUNDS = { row: '行名', ...AMOUNTS, rate: '执行率', rateWeight: '分值', rateScore: '得分' } as const;
const REPORTED_INDICATOR = { name: '三级指标', deviation: '偏离度', coefficient: '得分系数', weight: '分值', score: '得分' } as const;

function under(prefix: string, titles: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(titles).map(([key, title]) => [`${prefix}.${key}`, title]));
}

const fundsRow = (kind: keyof typeof NationalFundsRowLabel) => ({ label: () => `项目资金「${NationalFundsRowLabel[kind]}」` });

/**
 * Chinese names of the source fields of a 项目支出 form (财预〔2020〕10号 附件), as that form and
 * its schema title them: the same path can read differently from the Chongqing form's
 * (`indicators[].weight` is 分值 here, 指标权重 there), so each family has its own table.
 * Written in the schema's order, which is the order changes are listed in.
 */
export const NationalSourceLabels: LabelTable = {
  rows: {
    'funds.total': fundsRow('total'),
    'funds.fiscal': fundsRow('fiscal'),
    'funds.carryOver': fundsRow('carryOver'),
    'funds.other': fundsRow('other'),
    'indicators[]': { nameKey: 'name', label: (index, name) => `第${index + 1}个指标「${name}」` },
    reported: { label: () => '报送值 ' },
    'reported.funds[]': { nameKey: 'row', label: (_, row) => `报送值 项目资金「${row}」` },
    'reported.indicators[]': {
      nameKey: 'name',
      label: (index, name) => `报送值 第${index + 1}个指标${name ? `「${name}」` : ''}`,
    },
  },
  fields: {
    form: '表样',
    year: '年度',
    'profile.name': '评分规则',
    template: '模板',
    'project.name': '项目名称',
    'project.code': '项目编码',
    'project.department': '主管部门',
    'project.implementingUnit': '实施单位',
    'funds.unit': '项目资金：金额单位',
    ...under('funds.total', AMOUNTS),
    ...under('funds.fiscal', AMOUNTS),
    ...under('funds.carryOver', AMOUNTS),
    ...under('funds.other', AMOUNTS),
    'funds.rateWeight': '项目资金：执行率分值',
    'goals.initial': '年度总体目标：预期目标',
    'goals.achieved': '年度总体目标：实际完成情况',
    ...under('indicators[]', INDICATOR),
    note: '注',
    'reported.selfScore': '总分',
    ...under('reported.funds[]', REPORTED_FUNDS),
    ...under('reported.indicators[]', REPORTED_INDICATOR),
  },
};
