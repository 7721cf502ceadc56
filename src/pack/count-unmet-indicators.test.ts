import { describe, expect, it } from 'vitest';
import type { Form } from '../load/form-schema.js';
import { countUnmetIndicators } from './count-unmet-indicators.js';

const withIndicators = (indicators: object[]) => ({ indicators }) as unknown as Form;

describe('countUnmetIndicators', () => {
  it('counts quantitative indicators by the target rule of their nature', () => {
    const form = withIndicators([
      { nature: '≥', target: '200', actual: '220' },
      { nature: '≥', target: '200', actual: '199.999' },
      { nature: '≤', target: '4', actual: '5' },
      { nature: '≤', target: '4', actual: '4' },
      { nature: '=', target: '100', actual: '99' },
      { nature: '=', target: '1,000', actual: '1000.00' },
    ]);
    expect(countUnmetIndicators(form)).toBe(3);
  });

  it('counts qualitative indicators not graded 达成, even when 达成 carries less than 100', () => {
    const form = withIndicators([
      { nature: '定性', target: '达标', actual: '1', grade: '达成', coefficient: '90' },
      { nature: '定性', target: '达标', actual: '1', grade: '部分达成', coefficient: '70' },
      { nature: '定性', target: '达标', actual: '0', grade: '未达成', coefficient: '0' },
    ]);
    expect(countUnmetIndicators(form)).toBe(2);
  });
});
