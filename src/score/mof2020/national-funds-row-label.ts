/** Printed labels of the 项目资金 rows of the national form (财预〔2020〕10号 附件), in order. */
export const NationalFundsRowLabel = {
  total: '年度资金总额',
  fiscal: '其中：当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
} as const;
