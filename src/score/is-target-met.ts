import type { Decimal } from 'decimal.js';
import type { QuantitativeNature } from './quantitative-nature.js';

/** Met means 得分系数 100 whatever the margin: over-achievement is never penalised (DESIGN §4). */
export function isTargetMet(nature: QuantitativeNature, target: Decimal, actual: Decimal): boolean {
  switch (nature) {
    case '≥':
      return actual.gte(target);
    case '≤':
      return actual.lte(target);
    case '=':
      return actual.eq(target);
  }
}
