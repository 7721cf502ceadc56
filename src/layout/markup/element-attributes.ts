import type { FontRole, HorizontalAlign, TextStyle, VerticalAlign } from '../layout-model.js';
import { MarkupError, type MarkupElement } from './parse-markup.js';

/** Typed reads of an element's attributes, with template-line errors. */
export class ElementAttributes {
  constructor(private readonly element: MarkupElement) {}

  has(name: string): boolean {
    return name in this.element.attributes;
  }

  string(name: string, fallback: string): string {
    return this.element.attributes[name] ?? fallback;
  }

  number(name: string, fallback: number): number {
    const raw = this.element.attributes[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(`属性 ${name}="${raw}" 应为数字`);
    return value;
  }

  /** `bold` or `bold="true"` is true; `bold="false"` is false. */
  flag(name: string, fallback: boolean): boolean {
    const raw = this.element.attributes[name];
    if (raw === undefined) return fallback;
    return raw === '' || raw === 'true' || raw === name;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.element.attributes[name];
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) this.fail(`属性 ${name}="${raw}" 应为 ${allowed.join(' | ')}`);
    return raw as T;
  }

  /** `"4"` → all four sides; `"4 8"` → vertical horizontal; `"1 2 3 4"` → top right bottom left. */
  box(name: string, fallback: number[]): number[] {
    const raw = this.element.attributes[name];
    if (raw === undefined) return fallback;
    const values = raw.trim().split(/\s+/).map(Number);
    if (values.some((v) => !Number.isFinite(v)) || ![1, 2, 4].includes(values.length)) {
      this.fail(`属性 ${name}="${raw}" 应为 1、2 或 4 个数字`);
    }
    return values.length === 1 ? [values[0], values[0], values[0], values[0]] : values.length === 2 ? [values[0], values[1], values[0], values[1]] : values;
  }

  fail(message: string): never {
    throw new MarkupError(`<${this.element.name}> ${message}`, this.element.line);
  }
}

/** Cell styling that a `<table>` or `<tr>` passes down to its cells. */
export interface CellDefaults {
  style: TextStyle;
  align: HorizontalAlign;
  valign: VerticalAlign;
  noWrap: boolean;
  fill: string | null;
}

const ROLES = ['title', 'label', 'body', 'number'] as const;
const ALIGNS = ['left', 'center', 'right'] as const;
const VALIGNS = ['top', 'middle', 'bottom'] as const;

export function inheritCellDefaults(element: MarkupElement, parent: CellDefaults): CellDefaults {
  const attributes = new ElementAttributes(element);
  const fill = attributes.string('fill', parent.fill ?? '');
  if (fill !== '' && !/^#[0-9a-fA-F]{6}$/.test(fill)) attributes.fail(`属性 fill="${fill}" 应为 #rrggbb`);
  return {
    style: {
      role: attributes.oneOf<FontRole>('role', ROLES, parent.style.role),
      size: attributes.number('size', parent.style.size),
      bold: attributes.flag('bold', parent.style.bold),
    },
    align: attributes.oneOf('align', ALIGNS, parent.align),
    valign: attributes.oneOf('valign', VALIGNS, parent.valign),
    noWrap: attributes.flag('nowrap', parent.noWrap),
    fill: fill === '' ? null : fill.toLowerCase(),
  };
}

/** Text of an element: text nodes joined, `<br/>` as '\n', template indentation trimmed at both ends. */
export function elementText(element: MarkupElement): string {
  const text = element.children
    .map((child) => {
      if (child.name === '#text') return (child as { text: string }).text;
      if (child.name === 'br') return '\n';
      throw new MarkupError(`<${element.name}> 里不能有 <${child.name}>`, child.line);
    })
    .join('');
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
