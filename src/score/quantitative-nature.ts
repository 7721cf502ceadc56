import type { IndicatorData } from '../load/form-schema.js';

/** The natures scored from numbers (`≥`, `≤`, `=`), as opposed to 定性. */
export type QuantitativeNature = Exclude<IndicatorData['nature'], '定性'>;
