/**
 * 得分系数 band of each 定性 grade (DESIGN §4): 达成 [80,100], 部分达成 [60,80), 未达成 [0,60).
 * `defaultCoefficient` is used when the form gives none; null means it must be given.
 */
export const GradeBand = {
  达成: { min: '80', max: '100', maxInclusive: true, defaultCoefficient: '100', text: '[80, 100]' },
  部分达成: { min: '60', max: '80', maxInclusive: false, defaultCoefficient: null, text: '[60, 80)' },
  未达成: { min: '0', max: '60', maxInclusive: false, defaultCoefficient: null, text: '[0, 60)' },
} as const;
