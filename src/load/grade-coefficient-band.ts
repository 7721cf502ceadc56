/**
 * 得分系数 band of each 定性 grade (DESIGN §4): 达成 [80,100], 部分达成 [60,80), 未达成 [0,60).
 * 达成 defaults to 100; the other grades must give their coefficient.
 */
export const GradeCoefficientBand = {
  达成: { min: 80, max: 100, maxInclusive: true, required: false, text: '[80, 100]' },
  部分达成: { min: 60, max: 80, maxInclusive: false, required: true, text: '[60, 80)' },
  未达成: { min: 0, max: 60, maxInclusive: false, required: true, text: '[0, 60)' },
} as const;
