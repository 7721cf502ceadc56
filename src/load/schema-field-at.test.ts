import { describe, expect, it } from 'vitest';
import { schemaFieldAt } from './schema-field-at.js';

describe('schemaFieldAt', () => {
  it('reads the title and scalar kind of a field through wrappers', () => {
    expect(schemaFieldAt(['indicators', 0, 'weight'])).toMatchObject({ title: '指标权重', kind: 'amount' });
    expect(schemaFieldAt(['indicators', 3, 'core'])).toMatchObject({ title: '是否核心指标', kind: 'boolean' });
    expect(schemaFieldAt(['indicators', 3, 'coefficient'])).toMatchObject({ title: '得分系数', kind: 'decimal' });
    expect(schemaFieldAt(['year'])).toMatchObject({ title: '年度', kind: 'year' });
    expect(schemaFieldAt(['funds', 'sources', 0, 'name'])).toMatchObject({ title: '资金来源名称' });
  });

  it('lists the keys a map accepts, including inside a union', () => {
    expect(schemaFieldAt(['funds', 'total']).keys).toEqual(['initial', 'adjusted', 'executed']);
    expect(schemaFieldAt(['profile']).keys).toEqual(['name', 'reverseMissed', 'total', 'deviationNote']);
    expect(schemaFieldAt(['profile', 'total']).title).toBe('自评总分算法');
  });

  it('knows nothing of paths the schema does not have', () => {
    expect(schemaFieldAt(['indicators', 0, 'weigth'])).toEqual({});
    expect(schemaFieldAt(['form', 'x'])).toEqual({});
  });
});
