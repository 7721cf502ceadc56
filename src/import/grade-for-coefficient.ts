import { Decimal } from 'decimal.js';

/**
 * The 定性 grade whose band holds a printed 得分系数 (DESIGN §4: 达成 [80,100], 部分达成
 * [60,80), 未达成 [0,60)); `coefficient` is only needed when it is not the grade's default 100.
 */
export function gradeForCoefficient(printed: string): { grade: '达成' | '部分达成' | '未达成'; coefficient?: string } {
  const c = new Decimal(printed);
  if (c.eq(100)) return { grade: '达成' };
  const grade = c.gte(80) ? '达成' : c.gte(60) ? '部分达成' : '未达成';
  return { grade, coefficient: printed };
}
