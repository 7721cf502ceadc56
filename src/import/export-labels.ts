import { FundsRowLabel } from '../score/printed-form.js';

/** Labels of the system's text export, in their full-width spelling (matched via normaliseLabel). */
export const ExportLabel = {
  status: '状态：',
  header: {
    name: '项目名称：',
    code: '项目编码：',
    selfScore: '自评总分：',
    department: '项目主管部门：',
    financeOffice: '财政归口处室：',
    contact: '部门联系人：',
    phone: '联系电话：',
  },
  fundsSection: '资金情况',
  fundsColumns: ['', '年初预算数', '全年（调整）预算数', '全年执行数', '执行率', '执行率权重', '执行率得分'],
  totalRow: FundsRowLabel.total,
  fiscalRow: FundsRowLabel.fiscal,
  goalsSection: '绩效目标',
  goalsColumns: ['年初绩效目标', '全年（调整）绩效目标', '全年目标实际完成情况'],
  indicatorsSection: '绩效指标',
  indicatorColumns: [
    '指标名称',
    '计量单位',
    '指标性质',
    '指标值',
    '全年完成值',
    '偏离度（%）',
    '得分系数（%）',
    '指标权重',
    '指标得分',
    '是否核心指标',
    '说明',
  ],
} as const;

export type HeaderField = keyof typeof ExportLabel.header;
