import { FundsRowLabel } from '../score/index.js';
import type { LabelTable } from './label-table.js';

const AMOUNTS = { initial: '年初预算数', adjusted: '全年（调整）预算数', executed: '全年执行数' } as const;
const INDICATOR = {
  name: '指标名称',
  unit: '计量单位',
  nature: '指标性质',
  target: '指标值',
  actual: '全年完成值',
  grade: '等级',
  coefficient: '得分系数',
  weight: '指标权重',
  core: '是否核心指标',
  note: '说明',
} as const;
const REPORTED_FUNDS = { row: '行名', ...AMOUNTS, rate: '执行率', rateWeight: '执行率权重', rateScore: '执行率得分' } as const;
const REPORTED_INDICATOR = { name: '指标名称', deviation: '偏离度', coefficient: '得分系数', weight: '指标权重', score: '指标得分' } as const;

function under(prefix: string, titles: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(titles).map(([key, title]) => [`${prefix}.${key}`, title]));
}

/**
 * Chinese names of the source fields of a Chongqing form (部门整体, 二级项目), titles as in the
 * form schema and the printed form; 项目支出 forms have NationalSourceLabels. In schema order.
 */
export const SourceLabels: LabelTable = {
  rows: {
    'funds.total': { label: () => `资金情况「${FundsRowLabel.total}」` },
    'funds.fiscal': { label: () => `资金情况「${FundsRowLabel.fiscal}」` },
    'funds.sources[]': { nameKey: 'name', label: (_, name) => `资金情况「${name}」` },
    'indicators[]': { nameKey: 'name', label: (index, name) => `第${index + 1}个指标「${name}」` },
    reported: { label: () => '报送值 ' },
    'reported.funds[]': { nameKey: 'row', label: (_, row) => `报送值 资金情况「${row}」` },
    'reported.indicators[]': {
      nameKey: 'name',
      label: (index, name) => `报送值 第${index + 1}个指标${name ? `「${name}」` : ''}`,
    },
  },
  fields: {
    form: '表样',
    year: '年度',
    status: '状态',
    'profile.name': '评分规则',
    'profile.reverseMissed': '评分规则：反向指标未达标时的得分系数',
    'profile.total': '评分规则：自评总分算法',
    'profile.deviationNote': '评分规则：偏离度超过 30% 时要求说明',
    template: '模板',
    'project.name': '项目名称',
    'project.code': '项目编码',
    'project.department': '项目主管部门',
    'project.financeOffice': '财政归口处室',
    'project.contact': '部门联系人',
    'project.phone': '联系电话',
    ...under('funds.total', AMOUNTS),
    ...under('funds.fiscal', AMOUNTS),
    ...under('funds.sources[]', { name: '资金来源名称', ...AMOUNTS }),
    'funds.rateWeight': '执行率权重',
    'goals.initial': '年初绩效目标',
    'goals.adjusted': '全年（调整）绩效目标',
    'goals.achieved': '全年目标实际完成情况',
    ...under('indicators[]', INDICATOR),
    'reported.selfScore': '自评总分',
    ...under('reported.funds[]', REPORTED_FUNDS),
    ...under('reported.indicators[]', REPORTED_INDICATOR),
  },
};
