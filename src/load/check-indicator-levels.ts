import type { z } from 'zod';
import { IndicatorLevel2Parent } from './indicator-levels.js';
import { LoadCode } from './load-code.js';

/**
 * The national form's indicator tree (财预〔2020〕10号 附件): each 二级指标 under its own 一级指标,
 * and the rows of one 一级 (and of one 二级 within it) next to each other — the form merges
 * them into one cell, so a group that reappears further down could not be printed as written.
 * Runs on data that may have failed elsewhere, so every value is type-checked first.
 */
export function checkIndicatorLevels(indicators: readonly unknown[], ctx: z.core.$RefinementCtx): void {
  const closed = { level1: new Set<string>(), level2: new Set<string>() };
  let previous: { level1?: unknown; level2?: unknown } = {};
  indicators.forEach((indicator, index) => {
    if (indicator === null || typeof indicator !== 'object') return;
    const { level1, level2 } = indicator as Record<string, unknown>;
    const add = (key: string, code: string, message: string, hint: string) =>
      ctx.addIssue({ code: 'custom', path: ['indicators', index, key], message, params: { code, hint }, input: indicator });
    if (typeof level2 === 'string' && level2 in IndicatorLevel2Parent && typeof level1 === 'string') {
      const parent = IndicatorLevel2Parent[level2 as keyof typeof IndicatorLevel2Parent];
      if (parent !== level1) add('level2', LoadCode.INDICATOR_LEVEL, `“${level2}”属于${parent}，不属于${level1}`, `将 level1 改为 ${parent}，或换用${level1}下的二级指标`);
    }
    if (level1 !== previous.level1 && typeof previous.level1 === 'string') closed.level1.add(previous.level1);
    if ((level1 !== previous.level1 || level2 !== previous.level2) && typeof previous.level2 === 'string') closed.level2.add(`${String(previous.level1)}/${previous.level2}`);
    if (typeof level1 === 'string' && closed.level1.has(level1)) {
      add('level1', LoadCode.INDICATOR_ORDER, `${level1}的指标应排在一起，这一行与前面的${level1}隔开了`, '把同一一级指标、同一二级指标的行放在相邻位置');
    } else if (typeof level2 === 'string' && closed.level2.has(`${String(level1)}/${level2}`)) {
      add('level2', LoadCode.INDICATOR_ORDER, `${level2}的指标应排在一起，这一行与前面的${level2}隔开了`, '把同一二级指标的行放在相邻位置');
    }
    previous = { level1, level2 };
  });
}
