import type { ScalarTag } from 'yaml';

/**
 * A decimal to write unquoted (`1190000.00`, `10`) exactly as given. YAML would otherwise quote
 * a numeric-looking string, and a JS number would lose the printed digits (`10.00` → 10)
 * or pass money through a float. ziping reads YAML with the failsafe schema, so the plain
 * scalar comes back as the same text.
 */
export class PlainNumber {
  constructor(readonly text: string) {
    if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`PlainNumber: not a plain decimal: ${text}`);
  }

  /** The `yaml` tag that writes it (as a default tag, so no `!tag` appears in the output). */
  static readonly tag: ScalarTag = {
    tag: 'tag:ziping,2024:plain-number',
    default: true,
    identify: (value) => value instanceof PlainNumber,
    resolve: (text) => text,
    stringify: (item) => (item.value as PlainNumber).text,
  };
}
