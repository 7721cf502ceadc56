import { NextAttributeComponent } from 'docx';
import { describe, expect, it } from 'vitest';

describe('useLinearAttributes', () => {
  it("gives what docx's own prepForXml gives: order, undefined left out, a repeated key's last value", async () => {
    const root = {
      a: { key: 'w:val', value: 'x' },
      b: { key: 'w:color', value: undefined },
      c: { key: 'w:sz', value: 12 },
      d: { key: 'w:val', value: 'y' },
      e: { key: 'w:space', value: 0 },
    };
    const context = { stack: [] } as unknown as Parameters<NextAttributeComponent<Record<string, string>>['prepForXml']>[0];
    const before = JSON.stringify(new NextAttributeComponent(root as never).prepForXml(context));
    const { useLinearAttributes } = await import('./linear-attributes.js');
    const original = NextAttributeComponent.prototype.prepForXml;
    useLinearAttributes();
    expect(NextAttributeComponent.prototype.prepForXml).not.toBe(original);
    expect(JSON.stringify(new NextAttributeComponent(root as never).prepForXml(context))).toBe(before);
    expect(before).toBe('{"_attr":{"w:val":"y","w:sz":12,"w:space":0}}');
  });
});
