import { Decimal } from 'decimal.js';
import { splitNumberUnit } from './split-number-unit.js';

/** The unit a form's amounts are written in: 元 for 部门整体/二级项目, funds.unit (默认万元) for 项目支出 (DESIGN §3, §5). */
export type MoneyUnit = '元' | '万元';

const SCORE_FIELDS: readonly PropertyKey[] = ['weight', 'rateWeight'];
const AMOUNT_FIELDS: readonly PropertyKey[] = ['initial', 'adjusted', 'executed'];
const TEN_THOUSAND = new Decimal(10000);

/**
 * The remedy for a number written with its unit (`weight: 20分`, `initial: 170万`), by field:
 * scores are bare numbers; amounts are numbers in the form's unit, and a figure in the other
 * unit is shown converted, with the conversion written out, never applied by the loader.
 * Undefined when the text carries no unit or the field is neither.
 */
export function numberUnitHint(text: string, path: readonly PropertyKey[], moneyUnit: MoneyUnit, nationalUnit: boolean): string | undefined {
  const split = splitNumberUnit(text.trim());
  if (split === null) return undefined;
  const { number, unit } = split;
  const key = path[path.length - 1];
  if (SCORE_FIELDS.includes(key)) return `分值只写数字，不写“${unit}”：${String(key)}: ${number}`;
  if (key === 'coefficient') return `得分系数只写数字（百分数的分子），不写“${unit}”：coefficient: ${number}`;
  if (path[0] !== 'funds' || !AMOUNT_FIELDS.includes(key)) return undefined;
  const where = nationalUnit ? `本表金额的单位是${moneyUnit}（funds.unit）` : `本表金额的单位是${moneyUnit}`;
  const written: MoneyUnit | undefined = unit === '元' ? '元' : unit === '万' || unit === '万元' ? '万元' : undefined;
  if (written === undefined || written === moneyUnit) return `${where}，只写数字，不写“${unit}”：${String(key)}: ${number}`;
  const value = new Decimal(number.replace(/,/g, ''));
  const converted = (written === '万元' ? value.times(TEN_THOUSAND) : value.div(TEN_THOUSAND)).toFixed();
  const other = nationalUnit ? `；或把 funds.unit 改为 ${written} 后写 ${number}` : '';
  return `${where}，只写数字：${number} ${written} = ${converted} ${moneyUnit}，应写作 ${converted}（请核对）${other}`;
}
