import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PdfmakeStyleStackClass, type PdfmakeStyle } from './pdfmake-internals.js';
import { useFastStyleLookup } from './fast-style-lookup.js';

const properties = ['font', 'fontSize', 'bold', 'color', 'noWrap', 'alignment'];
const names = ['a', 'b', 'c', 'd'];
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(false), fc.constant(0), fc.string({ maxLength: 2 }), fc.integer());
const styleObject = fc.dictionary(fc.constantFrom(...properties), value, { maxKeys: 3 });
const style = fc.record(
  { props: styleObject, extends: fc.option(fc.oneof(fc.constantFrom(...names), fc.array(fc.constantFrom(...names), { maxLength: 3 })), { nil: undefined }) },
).map(({ props, extends: parents }): PdfmakeStyle => (parents === undefined ? props : { ...props, extends: parents }));
const styleRef = fc.oneof(fc.constantFrom(...names, 'missing'), styleObject);
const item = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.record({ props: styleObject, style: fc.option(fc.oneof(fc.constantFrom(...names), fc.array(styleRef, { maxLength: 3 })), { nil: undefined }), section: fc.option(fc.constant(true), { nil: undefined }) })
    .map(({ props, style: s, section }) => ({ ...props, ...(s === undefined ? {} : { style: s }), ...(section === undefined ? {} : { section }) })),
);
const scenario = fc.record({
  dictionary: fc.dictionary(fc.constantFrom(...names), style, { maxKeys: 4 }),
  defaultStyle: styleObject,
  overrides: fc.array(styleRef, { maxLength: 5 }),
  item,
  property: fc.constantFrom(...properties),
  fallback: value,
});

describe('useFastStyleLookup', () => {
  it("answers every lookup as pdfmake's own style stack does (styles, extends and cycles, overrides, defaults)", () => {
    const originalGetProperty = PdfmakeStyleStackClass.prototype.getProperty;
    const originalGetStyleProperty = PdfmakeStyleStackClass.getStyleProperty;
    const cases = fc.sample(scenario, { numRuns: 3000, seed: 2023 });
    const expected = cases.map(({ dictionary, defaultStyle, overrides, item: node, property, fallback }) => {
      const stack = new PdfmakeStyleStackClass(dictionary, defaultStyle);
      stack.styleOverrides.push(...overrides);
      return [stack.getProperty(property), PdfmakeStyleStackClass.getStyleProperty(node, stack, property, fallback), stack.styleOverrides.length];
    });
    useFastStyleLookup();
    expect(PdfmakeStyleStackClass.prototype.getProperty).not.toBe(originalGetProperty);
    expect(PdfmakeStyleStackClass.getStyleProperty).not.toBe(originalGetStyleProperty);
    const actual = cases.map(({ dictionary, defaultStyle, overrides, item: node, property, fallback }) => {
      const stack = new PdfmakeStyleStackClass(dictionary, defaultStyle);
      stack.styleOverrides.push(...overrides);
      return [stack.getProperty(property), PdfmakeStyleStackClass.getStyleProperty(node, stack, property, fallback), stack.styleOverrides.length];
    });
    expect(actual).toEqual(expected);
    // The cases reach every branch: found in a named style via extends, in an override, in the default, nowhere.
    expect(new Set(expected.map(([found]) => typeof found)).size).toBeGreaterThan(3);
  });
});
