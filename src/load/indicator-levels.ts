/**
 * The indicator tree of 财预〔2020〕10号 附件 (项目支出绩效自评表): 一级指标 and, for each
 * 二级指标, the 一级指标 it belongs to. Shared by the schema and its cross-field rules.
 */
export const INDICATOR_LEVEL1 = ['产出指标', '效益指标', '满意度指标'] as const;

export const IndicatorLevel2Parent = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
} as const satisfies Record<string, (typeof INDICATOR_LEVEL1)[number]>;

export const INDICATOR_LEVEL2 = Object.keys(IndicatorLevel2Parent) as [
  keyof typeof IndicatorLevel2Parent,
  ...(keyof typeof IndicatorLevel2Parent)[],
];
